import { Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException, csvLine } from '@keurmerk/common';
import { dateInAmsterdam } from '@keurmerk/norm';
import { StatisticsService } from '@keurmerk/statistics';
import { contentDisposition } from '../../http/content-disposition';
import { sendPage } from '../layout';
import { monthCsv } from '../municipality/municipality-insight.controller';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { FIGURES_TABLES, nationalFiguresPage } from './admin-figures.views';

/** The beheerder's national figures: the open statistics' totals, per municipality and by month, each table also as CSV. */
@WebController('app/beheer/cijfers', 'beheerder')
export class AdminFiguresController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  async page(@Web() web: SignedInContext, @Res() reply: FastifyReply): Promise<void> {
    sendPage(reply, web, nationalFiguresPage(web, await this.statistics.national(web.user.principal)));
  }

  @Get(':file')
  async csv(@Web() web: SignedInContext, @Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const table = file.replace(/\.csv$/, '');
    if (!file.endsWith('.csv') || !(FIGURES_TABLES as readonly string[]).includes(table)) throw AppException.notFound('The table');
    const insight = await this.statistics.national(web.user.principal);
    const lines =
      table === 'maanden'
        ? monthCsv(insight.months)
        : [
            csvLine(['gemeentecode', 'gemeentenaam', 'geldig', 'geschorst', 'maximaalAantalBewoners', 'gemeldeBewoners']),
            ...insight.municipalities.map((m) =>
              csvLine([m.municipalityCode, m.municipalityName, m.valid, m.suspended, m.beds, m.reportedResidents]),
            ),
          ];
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', contentDisposition(`keurmerk-landelijk-${table}-${dateInAmsterdam(web.now)}.csv`))
      .header('Cache-Control', 'no-store')
      .send(lines.join(''));
  }
}
