import PDFDocument from 'pdfkit';
import type { CertificateAddress } from './certificate-document-data';
import { registerCertificateFonts } from './certificate-fonts';
import { formatNumericDate, formatPostcodeCityLine, formatStreetLine } from './certificate-formatting';
import { INSPECTION_REPORT_TEXTS, type InspectionReportTexts } from './inspection-report.texts';

import type { ReportLanguage } from './inspection-report.texts';

export type { ReportLanguage } from './inspection-report.texts';

export type ReportSeverity = 'knock-out' | 'major' | 'minor';
export type ReportAnswerResult = 'voldoet' | 'voldoet-niet' | 'nvt';

export interface ReportCriterion {
  code: string;
  title: string;
  severity: ReportSeverity;
  measured: boolean;
  /** The norm's unit: `m2`, `m3`, `aantal` or `liter` (printed as m², pieces...). */
  unit?: string;
  /** null: not answered (cannot happen after submission, but the report does not lie about it). */
  result: ReportAnswerResult | null;
  measurement?: number | null;
  personsSupported?: number | null;
  remark?: string | null;
}

export interface ReportFinding {
  criterionCode: string;
  criterionTitle: string;
  severity: ReportSeverity;
  /** `YYYY-MM-DD`; null for a knock-out (only a new inspection lifts it). */
  deadline: string | null;
  status: 'open' | 'herstel-gemeld' | 'gesloten';
  /** The auditor's remark on the failed criterion. */
  remark: string | null;
}

/** Everything the inspection report shows; the renderer computes nothing about the inspection itself. */
export interface InspectionReportData {
  inspectionId: string;
  kind: string;
  /** `YYYY-MM-DD` (Amsterdam). */
  plannedOn: string;
  submittedOn: string | null;
  normVersion: string;
  address: CertificateAddress;
  municipalityName: string;
  holderName: string;
  housingType: string;
  newBuild: boolean;
  requestedBeds: number;
  auditorName: string;
  sections: { code: string; title: string; criteria: ReportCriterion[] }[];
  findings: ReportFinding[];
  photoCount: number;
  documentCount: number;
  result: { score: number; knockOuts: number; majors: number; minors: number; maximumResidents: number } | null;
  decision: { outcome: 'toekennen' | 'afwijzen'; explanation: string; decidedOn: string; decidedBy: string } | null;
}

export interface RenderInspectionReportOptions {
  language?: ReportLanguage;
  /** Printed in the footer and used as the creation date; inject for reproducible output. */
  generatedAt?: Date;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LEFT = 48;
const RIGHT = PAGE_WIDTH - 48;
const WIDTH = RIGHT - LEFT;
const TOP = 56;
const BOTTOM = PAGE_HEIGHT - 64;

// The certificate's colours, so the two documents read as one scheme's.
const COLOURS = {
  primary: '#0E4D64',
  accent: '#C98A0B',
  tint: '#EDF3F5',
  text: '#1F2933',
  muted: '#52606D',
  rule: '#C3D3D9',
  pass: '#1E6B3A',
  fail: '#B42318',
  neutral: '#52606D',
  onPrimary: '#FFFFFF',
};

const COLUMNS = { code: LEFT, title: LEFT + 44, result: LEFT + 300, value: LEFT + 376, remarkIndent: LEFT + 44 };

/**
 * The inspection report for the landlord and the scheme's staff: the location, the result and the
 * decision with the certifier's explanation first, then the findings with the auditor's remarks and
 * deadlines, then every answer and measurement per norm section. Pure: same data and options, same
 * bytes. Uses the certificate's embedded fonts (DejaVu), so every character a remark may hold prints.
 */
export async function renderInspectionReportPdf(data: InspectionReportData, options: RenderInspectionReportOptions = {}): Promise<Buffer> {
  const texts = INSPECTION_REPORT_TEXTS[options.language ?? 'nl'];
  const generatedAt = options.generatedAt ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: options.language === 'en' ? 'en-GB' : 'nl-NL',
    displayTitle: true,
    font: '',
    info: {
      Title: `${texts.title}: ${formatStreetLine(data.address)}, ${formatPostcodeCityLine(data.address)}`,
      Author: texts.scheme,
      Creator: texts.scheme,
      Producer: 'Keurmerk (PDFKit)',
      CreationDate: generatedAt,
    },
  });
  registerCertificateFonts(doc);
  const output = collect(doc);
  const page = new PageWriter(doc);

  drawHeader(doc, data, texts);
  page.y = 150;
  drawFacts(page, data, texts);
  drawOutcome(page, data, texts);
  drawFindings(page, data, texts);
  drawAnswers(page, data, texts);
  drawFooters(doc, texts, generatedAt);
  doc.end();
  return output;
}

type Texts = InspectionReportTexts;

/** Keeps the write position and starts a new page when a block would not fit. */
class PageWriter {
  y = TOP;
  constructor(readonly doc: PDFKit.PDFDocument) {}

  ensure(height: number): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = TOP;
  }

  heading(text: string): void {
    this.ensure(60);
    this.y += 10;
    this.doc.font('bold').fontSize(13).fillColor(COLOURS.primary).text(text, LEFT, this.y, { width: WIDTH });
    this.y += 20;
    this.doc.rect(LEFT, this.y, WIDTH, 1.2).fill(COLOURS.accent);
    this.y += 8;
  }

  paragraph(
    text: string,
    options: { size?: number; font?: 'regular' | 'bold'; colour?: string; indent?: number; gap?: number } = {},
  ): void {
    const x = LEFT + (options.indent ?? 0);
    const width = RIGHT - x;
    this.doc.font(options.font ?? 'regular').fontSize(options.size ?? 9.5);
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height);
    this.doc.fillColor(options.colour ?? COLOURS.text).text(text, x, this.y, { width });
    this.y += height + (options.gap ?? 4);
  }
}

function drawHeader(doc: PDFKit.PDFDocument, data: InspectionReportData, texts: Texts): void {
  doc.rect(0, 0, PAGE_WIDTH, 112).fill(COLOURS.primary);
  doc.rect(0, 112, PAGE_WIDTH, 3).fill(COLOURS.accent);
  doc.font('regular').fontSize(9).fillColor('#CFE1E8').text(texts.scheme.toUpperCase(), LEFT, 30, { width: WIDTH });
  doc.font('bold').fontSize(22).fillColor(COLOURS.onPrimary).text(texts.title, LEFT, 46, { width: WIDTH });
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(COLOURS.onPrimary)
    .text(`${formatStreetLine(data.address)}, ${formatPostcodeCityLine(data.address)}`, LEFT, 78, { width: WIDTH });
}

function drawFacts(page: PageWriter, data: InspectionReportData, texts: Texts): void {
  const doc = page.doc;
  const rows: [string, string][] = [
    [texts.holder, data.holderName],
    [texts.municipality, data.municipalityName],
    [texts.housing, `${texts.housingType(data.housingType)}${data.newBuild ? `, ${texts.newBuild}` : ''}`],
    [texts.requestedBeds, String(data.requestedBeds)],
    [texts.inspection, `${texts.kind(data.kind)}, ${texts.normVersion} ${data.normVersion}`],
    [texts.planned, formatNumericDate(data.plannedOn)],
    [texts.submitted, data.submittedOn ? formatNumericDate(data.submittedOn) : '—'],
    [texts.auditor, data.auditorName],
  ];
  const half = Math.ceil(rows.length / 2);
  const columnWidth = WIDTH / 2;
  const start = page.y;
  rows.forEach(([label, value], index) => {
    const x = LEFT + (index < half ? 0 : columnWidth);
    const y = start + (index % half) * 30;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(label.toUpperCase(), x, y, { width: columnWidth - 12 });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(COLOURS.text)
      .text(value, x, y + 10, { width: columnWidth - 12, height: 14, ellipsis: true, lineBreak: false });
  });
  page.y = start + half * 30 + 6;
}

function drawOutcome(page: PageWriter, data: InspectionReportData, texts: Texts): void {
  const doc = page.doc;
  page.heading(texts.outcome);
  const boxes: [string, string][] = data.result
    ? [
        [texts.score, `${data.result.score}%`],
        [texts.maximumResidents, String(data.result.maximumResidents)],
        [texts.findingsCount, `${data.result.knockOuts} / ${data.result.majors} / ${data.result.minors}`],
        [texts.photos, String(data.photoCount)],
      ]
    : [[texts.score, '—']];
  const boxWidth = (WIDTH - 3 * 8) / 4;
  page.ensure(62);
  boxes.forEach(([label, value], index) => {
    const x = LEFT + index * (boxWidth + 8);
    doc.rect(x, page.y, boxWidth, 54).fill(COLOURS.tint);
    doc
      .font('bold')
      .fontSize(18)
      .fillColor(COLOURS.primary)
      .text(value, x + 10, page.y + 8, { width: boxWidth - 20, lineBreak: false });
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(label, x + 10, page.y + 34, { width: boxWidth - 20, height: 18, ellipsis: true });
  });
  page.y += 62;
  if (data.result) page.paragraph(texts.findingsLegend, { size: 7.5, colour: COLOURS.muted, gap: 6 });
  if (data.documentCount > 0) page.paragraph(texts.otherDocuments(data.documentCount), { size: 7.5, colour: COLOURS.muted, gap: 6 });

  page.ensure(70);
  if (!data.decision) {
    page.paragraph(texts.noDecision, { font: 'bold', colour: COLOURS.muted });
    return;
  }
  const granted = data.decision.outcome === 'toekennen';
  page.paragraph(`${texts.decision}: ${granted ? texts.granted : texts.refused}`, {
    font: 'bold',
    size: 11,
    colour: granted ? COLOURS.pass : COLOURS.fail,
    gap: 2,
  });
  page.paragraph(texts.decidedBy(data.decision.decidedBy, formatNumericDate(data.decision.decidedOn)), {
    size: 8.5,
    colour: COLOURS.muted,
  });
  page.paragraph(texts.explanation, { font: 'bold', size: 9, gap: 2 });
  page.paragraph(data.decision.explanation, { gap: 8 });
}

function drawFindings(page: PageWriter, data: InspectionReportData, texts: Texts): void {
  page.heading(texts.findings);
  if (data.findings.length === 0) {
    page.paragraph(texts.noFindings, { colour: COLOURS.muted });
    return;
  }
  for (const finding of data.findings) {
    const doc = page.doc;
    doc.font('regular').fontSize(9);
    const remark = finding.remark ?? texts.noRemark;
    const height = 16 + doc.heightOfString(remark, { width: WIDTH - 16 }) + 12;
    page.ensure(height);
    const top = page.y;
    doc.rect(LEFT, top, 3, height - 6).fill(severityColour(finding.severity));
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(COLOURS.text)
      .text(`${finding.criterionCode}  ${finding.criterionTitle}`, LEFT + 10, top, {
        width: WIDTH - 190,
        lineBreak: false,
        ellipsis: true,
      });
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(severityColour(finding.severity))
      .text(
        `${texts.severity(finding.severity)} · ${
          finding.deadline ? `${texts.deadline} ${formatNumericDate(finding.deadline)}` : texts.reinspection
        }`,
        RIGHT - 180,
        top + 1,
        { width: 180, align: 'right', lineBreak: false },
      );
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(finding.remark ? COLOURS.text : COLOURS.muted)
      .text(remark, LEFT + 10, top + 15, { width: WIDTH - 16 });
    page.y = top + height;
  }
}

function drawAnswers(page: PageWriter, data: InspectionReportData, texts: Texts): void {
  page.heading(texts.answers);
  for (const section of data.sections) {
    page.ensure(44);
    page.y += 4;
    page.doc.rect(LEFT, page.y, WIDTH, 18).fill(COLOURS.tint);
    page.doc
      .font('bold')
      .fontSize(9.5)
      .fillColor(COLOURS.primary)
      .text(section.title, LEFT + 6, page.y + 4, { width: WIDTH - 12, lineBreak: false });
    page.y += 22;
    for (const criterion of section.criteria) drawCriterion(page, criterion, texts);
  }
}

function drawCriterion(page: PageWriter, criterion: ReportCriterion, texts: Texts): void {
  const doc = page.doc;
  doc.font('regular').fontSize(8.5);
  const titleHeight = doc.heightOfString(criterion.title, { width: COLUMNS.result - COLUMNS.title - 8 });
  const remark = criterion.remark?.trim() ? `${texts.remark}: ${criterion.remark.trim()}` : '';
  const remarkHeight = remark ? doc.heightOfString(remark, { width: RIGHT - COLUMNS.remarkIndent }) + 2 : 0;
  const height = Math.max(titleHeight, 11) + remarkHeight + 6;
  page.ensure(height);
  const top = page.y;
  doc.font('bold').fontSize(8.5).fillColor(COLOURS.muted).text(criterion.code, COLUMNS.code, top, { width: 42, lineBreak: false });
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.text)
    .text(criterion.title, COLUMNS.title, top, { width: COLUMNS.result - COLUMNS.title - 8 });
  doc
    .font('bold')
    .fontSize(8.5)
    .fillColor(resultColour(criterion.result))
    .text(texts.result(criterion.result), COLUMNS.result, top, { width: COLUMNS.value - COLUMNS.result - 6, lineBreak: false });
  if (criterion.measured && criterion.measurement !== null && criterion.measurement !== undefined) {
    const persons = criterion.personsSupported ?? 0;
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.text)
      .text(`${formatNumber(criterion.measurement)} ${texts.unit(criterion.unit ?? '')} · ${texts.persons(persons)}`, COLUMNS.value, top, {
        width: RIGHT - COLUMNS.value,
        lineBreak: false,
        ellipsis: true,
      });
  }
  if (remark) {
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(remark, COLUMNS.remarkIndent, top + Math.max(titleHeight, 11) + 2, { width: RIGHT - COLUMNS.remarkIndent });
  }
  page.y = top + height;
  doc.rect(LEFT, page.y - 3, WIDTH, 0.4).fill(COLOURS.rule);
}

function drawFooters(doc: PDFKit.PDFDocument, texts: Texts, generatedAt: Date): void {
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor(COLOURS.muted)
      .text(texts.generated(generatedAt.toISOString().slice(0, 10).split('-').reverse().join('-')), LEFT, PAGE_HEIGHT - 40, {
        width: WIDTH / 2,
        lineBreak: false,
      })
      .text(texts.page(index + 1, range.count), LEFT + WIDTH / 2, PAGE_HEIGHT - 40, { width: WIDTH / 2, align: 'right', lineBreak: false });
  }
}

function severityColour(severity: ReportSeverity): string {
  return severity === 'minor' ? COLOURS.accent : COLOURS.fail;
}

function resultColour(result: ReportAnswerResult | null): string {
  if (result === 'voldoet') return COLOURS.pass;
  if (result === 'voldoet-niet') return COLOURS.fail;
  return COLOURS.neutral;
}

/** Dutch decimals in print (12,5), whole numbers as they are. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100).replace('.', ',');
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
