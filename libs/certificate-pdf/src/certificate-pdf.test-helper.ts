import { spawnSync } from 'node:child_process';
import type { CertificateDocumentData } from './certificate-document-data';

/** Test-only. A realistic certificate with the awkward parts real data has: letter, addition, apostrophe. */
export function sampleCertificateData(overrides: Partial<CertificateDocumentData> = {}): CertificateDocumentData {
  return {
    certificateNumber: 'KM-2026-000123-4',
    holderName: 'Agro Uitzendbureau Westland B.V.',
    holderKvkNumber: '12345678',
    address: {
      street: 'Dorpsstraat',
      houseNumber: 12,
      houseLetter: 'a',
      houseNumberAddition: '2hg',
      postcode: '2671AB',
      city: "'s-Gravenzande",
    },
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

/**
 * Test-only. Runs a poppler-utils tool and returns its output. A missing tool fails the test with
 * the install command instead of skipping it: these checks are the point of the tests.
 */
export function runPoppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdfsig', args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} is not installed; install poppler-utils (apt-get install -y poppler-utils)`);
  }
  if (result.error) {
    throw result.error;
  }
  return `${result.stdout}${result.stderr}`;
}
