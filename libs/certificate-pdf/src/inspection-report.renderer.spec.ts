import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type InspectionReportData, renderInspectionReportPdf } from './inspection-report.renderer';

/** A report with every kind of line: passing, failing and n/a answers, measurements, remarks, findings of each severity. */
export function sampleReport(overrides: Partial<InspectionReportData> = {}): InspectionReportData {
  const criteria = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({
      code: `${prefix}-0${index + 1}`,
      title:
        `Criterium ${index + 1} van ${prefix}: een titel die soms over twee regels loopt ` +
        'omdat de norm precies is over wat er nodig is',
      severity: (['knock-out', 'major', 'minor'] as const)[index % 3],
      measured: index === 0,
      unit: 'm2',
      result: (['voldoet', 'voldoet-niet', 'nvt'] as const)[index % 3],
      measurement: index === 0 ? 52.5 : null,
      personsSupported: index === 0 ? 15 : null,
      remark:
        index % 3 === 1 ? 'Brandblusser verlopen (keuring 2023); zit achter de deur van de bijkeuken, ruim 5 m van het fornuis.' : null,
    }));
  return {
    inspectionId: '7d3c5b8e-2f1a-4c9e-9b7d-1a2b3c4d5e6f',
    kind: 'initieel',
    plannedOn: '2026-03-02',
    submittedOn: '2026-03-02',
    normVersion: '2026.1',
    address: { street: 'Tuinbouwweg', houseNumber: 12, houseLetter: 'a', postcode: '2671AB', city: 'Naaldwijk' },
    municipalityName: 'Westland',
    holderName: 'Verhuur Łódź & Zoon B.V.',
    housingType: 'woning',
    newBuild: false,
    requestedBeds: 14,
    auditorName: 'Anna Kowalska',
    sections: ['RU', 'PR', 'SA', 'VZ', 'BZ', 'ID', 'VL', 'BV'].map((code) => ({
      code,
      title: `Sectie ${code}`,
      criteria: criteria(code, 3),
    })),
    findings: [
      {
        criterionCode: 'BV-02',
        criterionTitle: 'Brandblusser',
        severity: 'major',
        deadline: '2026-04-14',
        status: 'open',
        remark: 'Verlopen.',
      },
      {
        criterionCode: 'BH-02',
        criterionTitle: 'Klachtenregeling',
        severity: 'minor',
        deadline: '2026-06-02',
        status: 'open',
        remark: null,
      },
    ],
    photoCount: 3,
    documentCount: 1,
    result: { score: 87, knockOuts: 0, majors: 1, minors: 1, maximumResidents: 11 },
    decision: {
      outcome: 'afwijzen',
      explanation: 'De brandblusser moet eerst worden vervangen; daarna volgt een herinspectie.',
      decidedOn: '2026-03-03',
      decidedBy: 'Chris Certificeerder',
    },
    ...overrides,
  };
}

function pdfText(pdf: Buffer): string {
  const directory = mkdtempSync(join(tmpdir(), 'report-'));
  writeFileSync(join(directory, 'report.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(directory, 'report.pdf'), '-'], { encoding: 'utf8' });
}

describe('renderInspectionReportPdf', () => {
  it('prints the decision with its explanation, the findings with remarks and deadlines, and every answer', async () => {
    const pdf = await renderInspectionReportPdf(sampleReport(), { generatedAt: new Date('2026-03-04T10:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // To look at it: REPORT_PDF_OUT=/tmp/report.pdf, then pdftoppm -png.
    if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, pdf);
    const text = pdfText(pdf);
    expect(text).toContain('Inspectierapport');
    expect(text).toContain('De brandblusser moet eerst worden vervangen');
    expect(text).toContain('Besluit: afgewezen');
    expect(text).toContain('herstellen vóór 14-04-2026');
    expect(text).toContain('Geen opmerking van de auditor.');
    expect(text).toContain('52,5 m² · 15 personen');
    expect(text).toContain('Verhuur Łódź & Zoon B.V.');
    for (const code of ['RU-01', 'BV-03']) expect(text).toContain(code);
    expect(text).toMatch(/Pagina 1 van \d/);
  });

  it('is the same bytes for the same data and time, and speaks English when asked', async () => {
    const at = new Date('2026-03-04T10:00:00Z');
    const [a, b] = await Promise.all([
      renderInspectionReportPdf(sampleReport(), { generatedAt: at }),
      renderInspectionReportPdf(sampleReport(), { generatedAt: at }),
    ]);
    expect(a.equals(b)).toBe(true);
    const english = pdfText(await renderInspectionReportPdf(sampleReport({ decision: null }), { generatedAt: at, language: 'en' }));
    expect(english).toContain('Inspection report');
    expect(english).toContain('There is no decision on this inspection yet.');
  });
});
