import type { RegisterRow } from '@keurmerk/verification';

/** The open register's CSV (RFC 4180, CRLF): one format for the public export and a municipality's own. */
const CSV_COLUMNS = ['certificaatnummer', 'geldigVanaf', 'geldigTot', 'maximaalAantalBewoners', 'postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging', 'straatnaam', 'woonplaats', 'gemeentecode', 'houderNaam', 'houderKvkNummer', 'normVersie'];

/** One RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The register as CSV, one line per certificate, streamed as the rows come. */
export async function* registerCsvLines(rows: AsyncGenerator<RegisterRow>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const r of rows) {
    yield `${[r.number, r.validFrom, r.validUntil, r.maximumResidents, r.postcode, r.houseNumber, r.houseLetter, r.houseNumberAddition, r.street, r.city, r.municipalityCode, r.holderName, r.holderKvkNumber, r.normVersion].map(csvField).join(',')}\r\n`;
  }
}

