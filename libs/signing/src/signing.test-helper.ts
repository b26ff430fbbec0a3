import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CertificateDocumentData, renderCertificatePdf } from '@keurmerk/certificate-pdf';

/** Test-only helpers for the signing specs. */
export const SIGNING_TIME = new Date('2026-04-01T10:00:00Z');

export function sampleCertificateData(overrides: Partial<CertificateDocumentData> = {}): CertificateDocumentData {
  return {
    certificateNumber: 'KM-2026-000123-4',
    holderName: 'Agro Uitzendbureau Westland B.V.',
    holderKvkNumber: '12345678',
    address: { street: 'Dorpsstraat', houseNumber: 12, houseLetter: 'a', postcode: '2671AB', city: "'s-Gravenzande" },
    municipalityName: 'Westland',
    maximumResidents: 11,
    validFrom: '2026-04-01',
    validUntil: '2027-03-31',
    normVersion: '2026.1',
    issuedOn: '2026-04-01',
    verifyUrl: 'https://keurmerk.example.nl/controleer/KM-2026-000123-4',
    ...overrides,
  };
}

export function renderSamplePdf(overrides: Partial<CertificateDocumentData> = {}): Promise<Buffer> {
  return renderCertificatePdf(sampleCertificateData(overrides), { signingTime: SIGNING_TIME });
}

/**
 * Runs pdfsig or openssl. A missing tool fails the test with the install command: skipping would
 * hide exactly what these tests are for.
 */
export function runTool(tool: 'pdfsig' | 'openssl', args: string[]): { status: number | null; output: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    const install = tool === 'pdfsig' ? 'apt-get install -y poppler-utils' : 'apt-get install -y openssl';
    throw new Error(`${tool} is not installed; install it (${install})`);
  }
  if (result.error) {
    throw result.error;
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** pdfsig's report on a PDF held in memory. */
export async function pdfsig(directory: string, pdf: Buffer, name = 'document.pdf'): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, pdf);
  return runTool('pdfsig', [path]).output;
}

export async function temporaryDirectory(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `keurmerk-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
