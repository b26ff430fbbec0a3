/**
 * The one CSV writer of every export (the open register, a municipality's lists): RFC 4180 fields,
 * CRLF lines, and no cell a spreadsheet would run as a formula. A street or an organisation name is
 * typed by people outside the scheme; `=HYPERLINK(...)` or `+cmd|' /C calc'!A0` in one of them would
 * run in the municipal clerk's Excel. OWASP's rule: a text cell that begins with = + - @, a tab or a
 * carriage return gets a leading single quote, so the spreadsheet shows it as text.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field, neutralised: quoted when it holds a comma, quote or line break. Numbers are written as numbers. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A negative number is a number; any text starting like a formula is shown as text.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
