import { csvField, csvLine } from '@keurmerk/common';
import type { RegisterRow } from '@keurmerk/verification';

// The web app's lists import the writer from here too; there is one, in @keurmerk/common.
export { csvField };

/** The open register's CSV (RFC 4180, CRLF): one format for the public export and a municipality's own. */
const CSV_COLUMNS = [
  'certificaatnummer',
  'geldigVanaf',
  'geldigTot',
  'maximaalAantalBewoners',
  'postcode',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'straatnaam',
  'woonplaats',
  'gemeentecode',
  'houderNaam',
  'houderKvkNummer',
  'normVersie',
];

/** The register as CSV, one line per certificate, streamed as the rows come. */
export async function* registerCsvLines(rows: AsyncGenerator<RegisterRow>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const r of rows) {
    yield csvLine([
      r.number,
      r.validFrom,
      r.validUntil,
      r.maximumResidents,
      r.postcode,
      r.houseNumber,
      r.houseLetter,
      r.houseNumberAddition,
      r.street,
      r.city,
      r.municipalityCode,
      r.holderName,
      r.holderKvkNumber,
      r.normVersion,
    ]);
  }
}
