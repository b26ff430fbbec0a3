import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateDocumentDataError } from './certificate-document-data';
import { DEFAULT_SIGNATURE_PLACEHOLDER_BYTES, renderCertificatePdf } from './certificate-pdf.renderer';
import { runPoppler, sampleCertificateData } from './certificate-pdf.test-helper';

const SIGNING_TIME = new Date('2026-04-01T10:00:00Z');

describe('renderCertificatePdf', () => {
  let directory: string;
  let pdfPath: string;
  let pdf: Buffer;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'keurmerk-certificate-pdf-'));
    pdf = await renderCertificatePdf(sampleCertificateData(), { signingTime: SIGNING_TIME });
    pdfPath = join(directory, 'certificate.pdf');
    await writeFile(pdfPath, pdf);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('is a two-page A4 PDF 1.7 with the certificate number as its title', () => {
    const info = runPoppler('pdfinfo', [pdfPath]);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Title:\s+Certificaat KM-2026-000123-4$/m);
    expect(info).toMatch(/^Form:\s+AcroForm$/m);
  });

  it('prints every certificate fact on page 1, in Dutch', () => {
    const page1 = runPoppler('pdftotext', ['-f', '1', '-l', '1', '-layout', pdfPath, '-']);
    // Letter-spaced headings come out of pdftotext as "C E RT I F I C A AT".
    expect(page1.replace(/ /g, '')).toContain('CERTIFICAAT');
    for (const text of [
      'Keurmerk Huisvesting Arbeidsmigranten',
      'KM-2026-000123-4',
      'Agro Uitzendbureau Westland B.V.',
      '12345678',
      'Dorpsstraat 12a-2hg',
      "2671 AB 's-Gravenzande",
      'Westland',
      '11',
      'Maximaal aantal bewoners',
      '1 april 2026 tot 31 maart 2027',
      '2026.1',
      'https://keurmerk.example.nl/controleer/KM-2026-000123-4',
    ]) {
      expect(page1).toContain(text);
    }
  });

  it('prints the information card on page 2 in Dutch, English, Polish, Romanian and Bulgarian', () => {
    const page2 = runPoppler('pdftotext', ['-f', '2', '-l', '2', pdfPath, '-']);
    expect(page2.replace(/ /g, '')).toContain('INFORMATIEKAART');
    for (const text of [
      'Dorpsstraat 12a-2hg',
      'Maximaal aantal bewoners: 11',
      'Maximum number of residents: 11',
      'Maksymalna liczba mieszkańców: 11',
      'Numărul maxim de locatari: 11',
      'Максимален брой живущи: 11',
      'Această locuință deține',
      'Проверете сертификата',
      'valid until 31-03-2027',
      'https://keurmerk.example.nl/controleer/KM-2026-000123-4',
    ]) {
      expect(page2).toContain(text);
    }
  });

  it('embeds every font it uses, and only DejaVu', () => {
    const fonts = runPoppler('pdffonts', [pdfPath])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim().length > 0);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) {
      expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('carries an unsigned ETSI.CAdES.detached placeholder with room for the CMS', () => {
    const text = pdf.toString('latin1');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain('/Filter /Adobe.PPKLite');
    expect(text).toMatch(/\/ByteRange \[0 \/\*{10} \/\*{10} \/\*{10}\]/);
    expect(text).toContain(`/Contents <${'0'.repeat(2 * DEFAULT_SIGNATURE_PLACEHOLDER_BYTES)}>`);
    expect(text).toContain('/M (D:20260401100000Z)');
    expect(text).toContain('/ESIC');
  });

  it('is byte-for-byte reproducible for the same data and signing time', async () => {
    const again = await renderCertificatePdf(sampleCertificateData(), { signingTime: SIGNING_TIME });
    await renderCertificatePdf(sampleCertificateData({ holderName: 'Iemand Anders B.V.' }), { signingTime: SIGNING_TIME });
    const third = await renderCertificatePdf(sampleCertificateData(), { signingTime: SIGNING_TIME });
    expect(again.equals(pdf)).toBe(true);
    expect(third.equals(pdf)).toBe(true);
    const later = await renderCertificatePdf(sampleCertificateData(), { signingTime: new Date('2026-04-02T10:00:00Z') });
    expect(later.equals(pdf)).toBe(false);
  });

  it('renders the same bytes when documents are rendered concurrently (fonts are shared)', async () => {
    const numbers = ['KM-2026-000001-8', 'KM-2026-000002-6', 'KM-2026-000003-4', 'KM-2026-000004-2'];
    const render = (certificateNumber: string): Promise<Buffer> =>
      renderCertificatePdf(sampleCertificateData({ certificateNumber }), { signingTime: SIGNING_TIME });
    const concurrent = await Promise.all(numbers.map(render));
    for (const [index, certificateNumber] of numbers.entries()) {
      expect((await render(certificateNumber)).equals(concurrent[index])).toBe(true);
    }
  });

  it('reserves the requested signature length', async () => {
    const small = await renderCertificatePdf(sampleCertificateData(), { signingTime: SIGNING_TIME, signatureLength: 4096 });
    expect(small.toString('latin1')).toContain(`/Contents <${'0'.repeat(8192)}>`);
    await expect(renderCertificatePdf(sampleCertificateData(), { signatureLength: 10 })).rejects.toThrow(RangeError);
  });

  it('keeps the card on two pages with a 200-character holder, a long street and a long base URL', async () => {
    const longUrl = `https://verificatie.keurmerk-huisvesting-arbeidsmigranten.example.nl/omgeving/acceptatie/controleer/KM-2026-000123-4`;
    const crowded = await renderCertificatePdf(
      sampleCertificateData({
        holderName: 'Stichting '.padEnd(200, 'x'),
        address: {
          street: 'Burgemeester van Nispen van Sevenaerstraat',
          houseNumber: 99999,
          houseLetter: 'Z',
          houseNumberAddition: 'ABCD',
          postcode: '9999ZZ',
          city: 'Sint Annaparochie-Noordwest-Buitendijks',
        },
        maximumResidents: 1500,
        verifyUrl: longUrl,
      }),
      { signingTime: SIGNING_TIME },
    );
    const path = join(directory, 'crowded.pdf');
    await writeFile(path, crowded);
    expect(runPoppler('pdfinfo', [path])).toMatch(/^Pages:\s+2$/m);
    const page2 = runPoppler('pdftotext', ['-f', '2', '-l', '2', path, '-']);
    expect(page2).toContain('Максимален брой живущи: 1500');
    expect(page2).toContain('Pagina 2 van 2');
  });

  it.each([
    ['a malformed certificate number', { certificateNumber: 'KM-26-1' }, 'certificateNumber'],
    ['an empty holder', { holderName: '  ' }, 'holderName'],
    ['a KvK number of 7 digits', { holderKvkNumber: '1234567' }, 'holderKvkNumber'],
    ['zero residents', { maximumResidents: 0 }, 'maximumResidents'],
    ['an impossible date', { validUntil: '2027-02-30' }, 'validUntil'],
    ['a validity that ends before it starts', { validFrom: '2027-01-01', validUntil: '2026-01-01' }, 'validUntil'],
    ['a verify URL that is not http(s)', { verifyUrl: 'javascript:alert(1)' }, 'verifyUrl'],
  ])('refuses %s', async (_case, override, field) => {
    const rendering = renderCertificatePdf(sampleCertificateData(override), { signingTime: SIGNING_TIME });
    await expect(rendering).rejects.toBeInstanceOf(CertificateDocumentDataError);
    await expect(rendering).rejects.toThrow(field);
  });
});
