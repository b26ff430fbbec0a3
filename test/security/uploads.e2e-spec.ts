import type request from 'supertest';
import { PNG } from '../support/files';
import { createScenario, Scenario } from '../support/scenario';
import { expectProblem, invalidParamNames, startTestApp, TestApp } from '../support/test-app';

const binary = (response: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Issue 16 item 6: a file was typed by its first bytes alone, so 46 bytes of a PNG followed by a web
 * page passed as an image; and a download kept the client's file name, extension and all. Now a file
 * must be what it claims (libs/documents/src/file-type.ts; structure cases in its spec), and a
 * download is named by the detected type.
 */
describe('uploads are what they claim, and download as that', () => {
  let t: TestApp;
  let s: Scenario;
  let application: string;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'upl');
    const locationId = await s.location();
    application = (await t.http.post('/v1/aanvragen').set(s.as('verhuurderA')).send({ locatieId: locationId }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const upload = (bytes: Buffer, fileName: string, contentType: string) =>
    t.http
      .post(`/v1/aanvragen/${application}/documenten`)
      .set(s.as('verhuurderA'))
      .attach('bestand', bytes, { filename: fileName, contentType });
  const documentCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM document'))[0].n);

  it.each([
    [
      '46 bytes of a PNG and an HTML page',
      Buffer.concat([PNG.subarray(0, 46), Buffer.from('<html><script>alert(document.domain)</script></html>')]),
      'foto.png',
      'image/png',
    ],
    [
      'a JPEG start and an HTML page',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('<html><script>alert(1)</script>')]),
      'foto.jpg',
      'image/jpeg',
    ],
    ['a PDF header and an HTML page', Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>'), 'brief.pdf', 'application/pdf'],
  ])('refuses %s with 400 naming bestand, storing nothing', async (_, bytes, fileName, contentType) => {
    const before = await documentCount();
    const response = await upload(bytes, fileName, contentType);
    expectProblem(response, 400);
    expect(invalidParamNames(response)).toEqual(['bestand']);
    expect(await documentCount()).toBe(before);
  });

  it("names a download by the detected type, never by the client's name", async () => {
    const stored = await upload(PNG, 'foto.html', 'text/html').expect(201);
    expect(stored.body.bestandsnaam).toBe('foto.png');
    const download = await t.http
      .get(`/v1/aanvragen/${application}/documenten/${stored.body.id}`)
      .set(s.as('verhuurderA'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe('attachment; filename="foto.png"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
  });

  it('offers an earlier row with a misleading name under the detected type too', async () => {
    const stored = await upload(PNG, 'kamer.png', 'image/png').expect(201);
    await t.sql('UPDATE document SET file_name = $1 WHERE id = $2', ['kamer.svg', stored.body.id]);
    const download = await t.http
      .get(`/v1/aanvragen/${application}/documenten/${stored.body.id}`)
      .set(s.as('verhuurderA'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="kamer.png"');
  });
});
