import { Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException, csvLine, type CsvValue } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { dateInAmsterdam } from '@keurmerk/norm';
import { CSV_LOCATIONS, type MunicipalInsight, StatisticsService } from '@keurmerk/statistics';
import { contentDisposition } from '../../http/content-disposition';
import { sendPage } from '../layout';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { INSIGHT_TABLES, type InsightTable, insightPage, isOverOccupied } from './insight.views';
import { ownMunicipality } from './municipality.controller';

/**
 * The municipality's figures and map: its own area only (StatisticsService.municipal takes the area
 * from the signed-in account). Every table of the page is also a CSV, written by the one CSV writer.
 */
@WebController('app/gemeente/inzicht', 'gemeente')
export class MunicipalityInsightController {
  constructor(
    private readonly statistics: StatisticsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    ownMunicipality(web);
    sendPage(reply, web, insightPage(web, await this.statistics.municipal(web.user.principal), this.config.map));
  }

  @Get(':file')
  async csv(@Web() web: SignedInContext, @Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const code = ownMunicipality(web);
    const table = file.endsWith('.csv') ? (file.slice(0, -4) as InsightTable) : undefined;
    if (!table || !INSIGHT_TABLES.includes(table)) throw AppException.notFound('The table');
    const insight = await this.statistics.municipal(web.user.principal, { locations: table === 'bezetting' ? CSV_LOCATIONS : 0 });
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(`keurmerk-${code}-${table}-${dateInAmsterdam(web.now)}.csv`))
      .header('Cache-Control', 'no-store')
      .send(insightCsv(insight, table).join(''));
  }
}

/** One table of the page as CSV lines (header first), in the contract's words. */
export function insightCsv(insight: MunicipalInsight, table: InsightTable): string[] {
  const lines = (header: string[], rows: CsvValue[][]) => [csvLine(header), ...rows.map(csvLine)];
  const breakdown = (dimension: string, keyName: string) =>
    lines(
      [keyName, 'locaties', 'maximaalAantalBewoners'],
      insight.breakdown.filter((row) => row.dimension === dimension).map((row) => [row.key, row.locations, row.beds]),
    );
  switch (table) {
    case 'status':
      return breakdown('status', 'status');
    case 'soort':
      return breakdown('housingType', 'soortHuisvesting');
    case 'woonplaats':
      return breakdown('town', 'woonplaats');
    case 'bezetting':
      return lines(
        [
          'postcode',
          'huisnummer',
          'huisletter',
          'huisnummertoevoeging',
          'straatnaam',
          'woonplaats',
          'soortHuisvesting',
          'certificaatnummer',
          'status',
          'maximaalAantalBewoners',
          'aantalBewoners',
          'peildatum',
          'bovenMaximum',
          'breedtegraad',
          'lengtegraad',
        ],
        insight.occupancy.rows.map((r) => [
          r.postcode,
          r.houseNumber,
          r.houseLetter,
          r.houseNumberAddition,
          r.street,
          r.city,
          r.housingType,
          r.certificateNumber,
          r.status,
          r.maximumResidents,
          r.residents,
          r.reportedOn,
          isOverOccupied(r) ? 'ja' : 'nee',
          r.latitude,
          r.longitude,
        ]),
      );
    case 'verloopt':
      return lines(
        [
          'certificaatnummer',
          'geldigTot',
          'maximaalAantalBewoners',
          'postcode',
          'huisnummer',
          'huisletter',
          'huisnummertoevoeging',
          'straatnaam',
          'woonplaats',
        ],
        insight.expiring.map((r) => [
          r.certificateNumber,
          r.validUntil,
          r.maximumResidents,
          r.postcode,
          r.houseNumber,
          r.houseLetter,
          r.houseNumberAddition,
          r.street,
          r.city,
        ]),
      );
    case 'maanden':
      return monthCsv(insight.months);
  }
}

export function monthCsv(months: MunicipalInsight['months']): string[] {
  return [
    csvLine(['maand', 'uitgegeven', 'geschorst', 'ingetrokken', 'verlopen', 'meldingen', 'gemeldeBewoners']),
    ...months.map((m) => csvLine([m.month, m.issued, m.suspended, m.withdrawn, m.expired, m.complaints, m.reportedResidents])),
  ];
}
