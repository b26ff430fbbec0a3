/**
 * Render + sign timing for one certificate (goal: median <= 25 ms on one core).
 * Not a test: timings depend on the machine. Run after `npm run build`:
 *   node dist/libs/signing/bench/render-and-sign.bench.js [ES256|RS256] [iterations]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CertificateDocumentData, renderCertificatePdf } from '@keurmerk/certificate-pdf';
import { ensureDevelopmentKeyRing, type SigningAlgorithm, signPdf } from '@keurmerk/signing';

const data: CertificateDocumentData = {
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
};

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const algorithm = (process.argv[2] ?? 'ES256') as SigningAlgorithm;
  const iterations = Number(process.argv[3] ?? 50);
  const directory = await mkdtemp(join(tmpdir(), 'keurmerk-bench-'));
  try {
    const keyRing = await ensureDevelopmentKeyRing(join(directory, 'keys'), { algorithm });
    const render: number[] = [];
    const sign: number[] = [];
    const total: number[] = [];
    // The first document pays for parsing fonts and loading modules; measure warm.
    const warmUp = 5;
    for (let i = 0; i < iterations + warmUp; i++) {
      const number = `KM-2026-${String(100000 + i).padStart(6, '0')}-0`;
      const started = performance.now();
      const pdf = await renderCertificatePdf({ ...data, certificateNumber: number }, { signingTime: new Date() });
      const rendered = performance.now();
      await signPdf(pdf, keyRing);
      const finished = performance.now();
      if (i >= warmUp) {
        render.push(rendered - started);
        sign.push(finished - rendered);
        total.push(finished - started);
      }
    }
    for (const [name, values] of Object.entries({ render, sign, total })) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(
        `${algorithm} ${name.padEnd(6)} n=${sorted.length} median=${percentile(sorted, 0.5).toFixed(2)} ms ` +
          `p99=${percentile(sorted, 0.99).toFixed(2)} ms max=${sorted[sorted.length - 1].toFixed(2)} ms`,
      );
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

void main();
