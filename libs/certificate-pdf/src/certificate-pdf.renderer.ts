import PDFDocument from 'pdfkit';
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { assertValidCertificateDocumentData, type CertificateDocumentData } from './certificate-document-data';
import { type CertificateFont, registerCertificateFonts } from './certificate-fonts';
import { formatDutchLongDate, formatNumericDate, formatPostcodeCityLine, formatStreetLine } from './certificate-formatting';
import {
  CERTIFICATE_TEXTS,
  INFORMATION_CARD_HEADINGS,
  INFORMATION_CARD_LANGUAGES,
  INFORMATION_CARD_TEXTS,
  type InformationCardTexts,
  SCHEME_NAME,
} from './certificate-pdf.texts';
import { drawQrCode } from './qr-code.drawer';

/**
 * Bytes reserved for the CMS signature. An RSA-3072 signer with a three-certificate RSA chain needs
 * about 6 KiB, P-256 about 2 KiB; 12 KiB leaves room for a longer chain. The file carries the
 * reservation twice (hex), so do not raise it without reason.
 */
export const DEFAULT_SIGNATURE_PLACEHOLDER_BYTES = 12288;

export interface RenderCertificatePdfOptions {
  /**
   * The signing time written as `/M` in the signature dictionary (PAdES B-B puts the claimed time
   * there, not in the CMS) and used as the document's creation date. Inject it for reproducible
   * output; defaults to now.
   */
  signingTime?: Date;
  /** Bytes reserved for the CMS; see DEFAULT_SIGNATURE_PLACEHOLDER_BYTES. */
  signatureLength?: number;
  signerName?: string;
  reason?: string;
  location?: string;
  /** Defaults to the origin of `verifyUrl`. */
  contactInfo?: string;
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const FRAME = 18;
const INNER_FRAME = 24;
const CONTENT_LEFT = 48;
const CONTENT_RIGHT = PAGE_WIDTH - 48;
const CONTENT_WIDTH = CONTENT_RIGHT - CONTENT_LEFT;

const COLOURS = {
  primary: '#0E4D64',
  accent: '#C98A0B',
  tint: '#EDF3F5',
  text: '#1F2933',
  muted: '#52606D',
  rule: '#C3D3D9',
  onPrimary: '#FFFFFF',
  onPrimaryMuted: '#CFE1E8',
};

const PAGE_COUNT = 2;

/**
 * Renders the two-page certificate (the certificate, then the information card for the location) with
 * an empty PAdES signature field, ready for `@keurmerk/signing`. The output depends only on `data`
 * and `options.signingTime`: same input, same bytes.
 */
export async function renderCertificatePdf(data: CertificateDocumentData, options: RenderCertificatePdfOptions = {}): Promise<Buffer> {
  assertValidCertificateDocumentData(data);
  const signingTime = options.signingTime ?? new Date();
  const signatureLength = options.signatureLength ?? DEFAULT_SIGNATURE_PLACEHOLDER_BYTES;
  if (!Number.isInteger(signatureLength) || signatureLength < 1024 || signatureLength > 65536) {
    throw new RangeError('signatureLength must be an integer between 1024 and 65536 bytes');
  }

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    // ETSI.CAdES.detached is defined for PDF 1.7 with the ETSI extension (see ESIC below).
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    // An empty default font keeps pdfkit from loading Helvetica, which cannot render ș, ł or Cyrillic.
    font: '',
    info: {
      Title: `Certificaat ${data.certificateNumber}`,
      Author: SCHEME_NAME,
      Subject: `${SCHEME_NAME}: certificaat voor ${formatStreetLine(data.address)}, ${formatPostcodeCityLine(data.address)}`,
      Keywords: `keurmerk, certificaat, ${data.certificateNumber}`,
      Creator: SCHEME_NAME,
      Producer: 'Keurmerk (PDFKit)',
      CreationDate: signingTime,
    },
  });
  registerCertificateFonts(doc);
  markAsPadesDocument(doc);

  const output = collectOutput(doc);

  drawCertificatePage(doc, data);
  // The signature field must hang off a page that is still open: pdfkit writes a page's annotations
  // when the next page starts.
  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: options.reason ?? `Uitgifte certificaat ${data.certificateNumber}`,
    contactInfo: options.contactInfo ?? new URL(data.verifyUrl).origin,
    name: options.signerName ?? SCHEME_NAME,
    location: options.location ?? 'Nederland',
    signingTime,
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Keurmerk',
  });
  // The helper has already ended the references it returns; ending them again makes pdfkit hang.

  doc.addPage({ size: 'A4', margin: 0 });
  drawInformationCardPage(doc, data);
  doc.end();
  return output;
}

/**
 * Declares the ETSI developer extension to PDF 1.7 that introduces the PAdES SubFilter, as
 * ETSI EN 319 142-1 asks of documents carrying ETSI.CAdES.detached signatures.
 */
function markAsPadesDocument(doc: PDFKit.PDFDocument): void {
  const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
  root.data.Extensions = { ESIC: { BaseVersion: '1.7', ExtensionLevel: 2 } };
}

function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  doc.save();
  doc
    .lineWidth(1.5)
    .rect(FRAME, FRAME, PAGE_WIDTH - 2 * FRAME, PAGE_HEIGHT - 2 * FRAME)
    .stroke(COLOURS.primary);
  doc
    .lineWidth(0.6)
    .rect(INNER_FRAME, INNER_FRAME, PAGE_WIDTH - 2 * INNER_FRAME, PAGE_HEIGHT - 2 * INNER_FRAME)
    .stroke(COLOURS.accent);
  doc.restore();
}

/** The scheme's mark: a house outline with a tick, drawn in vector so no image asset is needed. */
function drawSchemeMark(doc: PDFKit.PDFDocument, x: number, y: number, size: number): void {
  const s = size / 100;
  doc.save();
  doc.lineJoin('round').lineCap('round');
  doc
    .lineWidth(6 * s)
    .moveTo(x + 8 * s, y + 46 * s)
    .lineTo(x + 50 * s, y + 10 * s)
    .lineTo(x + 92 * s, y + 46 * s)
    .stroke(COLOURS.onPrimary);
  doc
    .lineWidth(6 * s)
    .moveTo(x + 20 * s, y + 40 * s)
    .lineTo(x + 20 * s, y + 90 * s)
    .lineTo(x + 80 * s, y + 90 * s)
    .lineTo(x + 80 * s, y + 40 * s)
    .stroke(COLOURS.onPrimary);
  doc
    .lineWidth(8 * s)
    .moveTo(x + 33 * s, y + 64 * s)
    .lineTo(x + 46 * s, y + 77 * s)
    .lineTo(x + 69 * s, y + 50 * s)
    .stroke(COLOURS.accent);
  doc.restore();
}

function drawHeaderBand(doc: PDFKit.PDFDocument, height: number): number {
  doc.rect(INNER_FRAME, INNER_FRAME, PAGE_WIDTH - 2 * INNER_FRAME, height).fill(COLOURS.primary);
  doc.rect(INNER_FRAME, INNER_FRAME + height, PAGE_WIDTH - 2 * INNER_FRAME, 3).fill(COLOURS.accent);
  return INNER_FRAME + height + 3;
}

function drawPageNumber(doc: PDFKit.PDFDocument, page: number): void {
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(CERTIFICATE_TEXTS.page(page, PAGE_COUNT), CONTENT_LEFT, PAGE_HEIGHT - 44, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
}

function drawCertificatePage(doc: PDFKit.PDFDocument, data: CertificateDocumentData): void {
  drawFrame(doc);
  drawHeaderBand(doc, 96);
  drawSchemeMark(doc, CONTENT_LEFT, 42, 60);
  doc.font('bold').fontSize(19).fillColor(COLOURS.onPrimary).text(SCHEME_NAME, 124, 52, { lineBreak: false });
  doc.font('regular').fontSize(10).fillColor(COLOURS.onPrimaryMuted).text(CERTIFICATE_TEXTS.schemeTagline, 124, 80, { lineBreak: false });

  doc
    .font('bold')
    .fontSize(30)
    .fillColor(COLOURS.primary)
    .text(CERTIFICATE_TEXTS.title, CONTENT_LEFT, 160, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 6 });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLOURS.muted)
    .text(CERTIFICATE_TEXTS.numberLabel, CONTENT_LEFT, 206, { width: CONTENT_WIDTH, align: 'center' });
  doc
    .font('monoBold')
    .fontSize(20)
    .fillColor(COLOURS.text)
    .text(data.certificateNumber, CONTENT_LEFT, 219, { width: CONTENT_WIDTH, align: 'center' });
  doc
    .moveTo(PAGE_WIDTH / 2 - 40, 254)
    .lineTo(PAGE_WIDTH / 2 + 40, 254)
    .lineWidth(1.2)
    .stroke(COLOURS.accent);

  const statementWidth = 450;
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(COLOURS.text)
    .text(CERTIFICATE_TEXTS.statement(data.normVersion), (PAGE_WIDTH - statementWidth) / 2, 268, {
      width: statementWidth,
      align: 'center',
      lineGap: 2,
    });

  const panelTop = 336;
  const panelHeight = 306;
  doc.roundedRect(CONTENT_LEFT, panelTop, CONTENT_WIDTH, panelHeight, 6).fill(COLOURS.tint);

  const labelX = CONTENT_LEFT + 18;
  const valueWidth = 300;
  let y = panelTop + 18;
  const row = (label: string, lines: string[], valueFont: CertificateFont = 'bold', valueSize = 12): void => {
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(COLOURS.muted)
      .text(label.toUpperCase(), labelX, y, { width: valueWidth, characterSpacing: 0.6 });
    y += 12;
    doc.font(valueFont).fontSize(valueSize).fillColor(COLOURS.text);
    for (const line of lines) {
      doc.text(line, labelX, y, { width: valueWidth });
      y += doc.heightOfString(line, { width: valueWidth }) + 1;
    }
    y += 9;
  };
  // Names of up to 200 characters are allowed; shrink long ones so the panel keeps its size.
  row(CERTIFICATE_TEXTS.holderLabel, [data.holderName], 'bold', fitFontSize(doc, 'bold', data.holderName, valueWidth, 13, 9, 2));
  row(CERTIFICATE_TEXTS.kvkLabel, [data.holderKvkNumber], 'regular', 11.5);
  row(
    CERTIFICATE_TEXTS.addressLabel,
    [formatStreetLine(data.address), formatPostcodeCityLine(data.address)],
    'bold',
    fitFontSize(doc, 'bold', formatStreetLine(data.address), valueWidth, 12, 9, 2),
  );
  row(CERTIFICATE_TEXTS.municipalityLabel, [data.municipalityName], 'regular', 11.5);
  row(
    CERTIFICATE_TEXTS.validityLabel,
    [CERTIFICATE_TEXTS.validity(formatDutchLongDate(data.validFrom), formatDutchLongDate(data.validUntil))],
    'bold',
    12,
  );
  const halfWidth = valueWidth / 2;
  doc.font('regular').fontSize(8).fillColor(COLOURS.muted);
  doc.text(CERTIFICATE_TEXTS.normLabel.toUpperCase(), labelX, y, { characterSpacing: 0.6, lineBreak: false });
  doc.text(CERTIFICATE_TEXTS.issuedOnLabel.toUpperCase(), labelX + halfWidth, y, {
    characterSpacing: 0.6,
    lineBreak: false,
  });
  y += 12;
  doc.font('regular').fontSize(11.5).fillColor(COLOURS.text);
  doc.text(data.normVersion, labelX, y, { lineBreak: false });
  doc.text(formatDutchLongDate(data.issuedOn), labelX + halfWidth, y, { lineBreak: false });

  const sideX = CONTENT_RIGHT - 18 - 150;
  const sideWidth = 150;
  const boxTop = panelTop + 18;
  doc.roundedRect(sideX, boxTop, sideWidth, 104, 4).fill(COLOURS.primary);
  doc
    .font('bold')
    .fontSize(46)
    .fillColor(COLOURS.onPrimary)
    .text(String(data.maximumResidents), sideX, boxTop + 12, { width: sideWidth, align: 'center', lineBreak: false });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLOURS.onPrimary)
    .text(CERTIFICATE_TEXTS.maximumResidentsLabel, sideX + 8, boxTop + 74, { width: sideWidth - 16, align: 'center' });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(CERTIFICATE_TEXTS.maximumResidentsNote, sideX, boxTop + 110, { width: sideWidth, align: 'center' });

  const qrSize = 118;
  const qrTop = panelTop + panelHeight - qrSize - 30;
  drawQrCode(doc, data.verifyUrl, sideX + (sideWidth - qrSize) / 2, qrTop, qrSize);
  doc
    .font('bold')
    .fontSize(8)
    .fillColor(COLOURS.primary)
    .text(CERTIFICATE_TEXTS.qrCaption, sideX, qrTop + qrSize + 6, { width: sideWidth, align: 'center' });

  const sealTop = panelTop + panelHeight + 28;
  drawSealIcon(doc, CONTENT_LEFT + 14, sealTop + 14, 14);
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLOURS.muted)
    .text(CERTIFICATE_TEXTS.sealNote, CONTENT_LEFT + 40, sealTop, { width: CONTENT_WIDTH - 40, lineGap: 1.5 });

  const footerTop = PAGE_HEIGHT - 104;
  doc.moveTo(CONTENT_LEFT, footerTop).lineTo(CONTENT_RIGHT, footerTop).lineWidth(0.6).stroke(COLOURS.rule);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.text)
    .text(CERTIFICATE_TEXTS.footerCheck(data.verifyUrl), CONTENT_LEFT, footerTop + 9, {
      width: CONTENT_WIDTH,
      lineGap: 1,
    });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(CERTIFICATE_TEXTS.footerCheckEnglish(data.verifyUrl), CONTENT_LEFT, doc.y + 3, { width: CONTENT_WIDTH });
  drawPageNumber(doc, 1);
}

/** The largest size from `maxSize` down to `minSize` at which `text` takes at most `maxLines` lines. */
function fitFontSize(
  doc: PDFKit.PDFDocument,
  font: CertificateFont,
  text: string,
  width: number,
  maxSize: number,
  minSize: number,
  maxLines: number,
): number {
  doc.font(font);
  let size = maxSize;
  while (size > minSize) {
    doc.fontSize(size);
    if (doc.heightOfString(text, { width }) <= doc.currentLineHeight(true) * maxLines + 0.5) {
      break;
    }
    size -= 0.5;
  }
  return size;
}

/** A small rosette next to the note about the electronic seal. */
function drawSealIcon(doc: PDFKit.PDFDocument, cx: number, cy: number, radius: number): void {
  doc.save();
  doc.circle(cx, cy, radius).fill(COLOURS.accent);
  doc
    .circle(cx, cy, radius - 3)
    .lineWidth(0.8)
    .stroke(COLOURS.onPrimary);
  doc
    .lineJoin('round')
    .lineCap('round')
    .lineWidth(2)
    .moveTo(cx - 5, cy)
    .lineTo(cx - 1.5, cy + 4)
    .lineTo(cx + 5.5, cy - 4)
    .stroke(COLOURS.onPrimary);
  doc.restore();
}

function drawInformationCardPage(doc: PDFKit.PDFDocument, data: CertificateDocumentData): void {
  drawFrame(doc);
  const bandBottom = drawHeaderBand(doc, 90);
  drawSchemeMark(doc, CONTENT_LEFT, 38, 54);
  doc
    .font('bold')
    .fontSize(22)
    .fillColor(COLOURS.onPrimary)
    .text(INFORMATION_CARD_HEADINGS.title, 116, 40, { lineBreak: false, characterSpacing: 3 });
  doc.font('regular').fontSize(9.5).fillColor(COLOURS.onPrimary).text(INFORMATION_CARD_HEADINGS.subtitle, 116, 70, { lineBreak: false });
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(COLOURS.onPrimaryMuted)
    .text(INFORMATION_CARD_HEADINGS.postInstruction, 116, 88, { lineBreak: false });

  const top = bandBottom + 18;
  const boxWidth = 175;
  const boxX = CONTENT_RIGHT - boxWidth;
  const leftWidth = boxX - CONTENT_LEFT - 20;
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(INFORMATION_CARD_HEADINGS.addressLabel.toUpperCase(), CONTENT_LEFT, top, { width: leftWidth });
  // Long Dutch street names exist ("Burgemeester van Nispen van Sevenaerstraat"): shrink rather than
  // let the address push the QR code and the languages off the card.
  const streetLine = formatStreetLine(data.address);
  const streetSize = fitFontSize(doc, 'bold', streetLine, leftWidth, 18, 12, 2);
  doc
    .font('bold')
    .fontSize(streetSize)
    .fillColor(COLOURS.text)
    .text(streetLine, CONTENT_LEFT, top + 12, { width: leftWidth });
  doc
    .font('regular')
    .fontSize(14)
    .text(formatPostcodeCityLine(data.address), CONTENT_LEFT, doc.y + 1, {
      width: leftWidth,
    });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLOURS.muted)
    .text(`${CERTIFICATE_TEXTS.municipalityLabel} ${data.municipalityName}`, CONTENT_LEFT, doc.y + 2, {
      width: leftWidth,
    });
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text('CERTIFICAAT · CERTIFICATE', CONTENT_LEFT, doc.y + 10, { width: leftWidth, characterSpacing: 0.6 });
  doc
    .font('monoBold')
    .fontSize(14)
    .fillColor(COLOURS.text)
    .text(data.certificateNumber, CONTENT_LEFT, doc.y + 2, { width: leftWidth });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(COLOURS.text)
    .text(`geldig tot · valid until ${formatNumericDate(data.validUntil)}`, CONTENT_LEFT, doc.y + 2, {
      width: leftWidth,
    });
  const leftBottom = doc.y;

  const boxHeight = 132;
  doc.roundedRect(boxX, top, boxWidth, boxHeight, 4).fill(COLOURS.primary);
  doc
    .font('bold')
    .fontSize(52)
    .fillColor(COLOURS.onPrimary)
    .text(String(data.maximumResidents), boxX, top + 8, { width: boxWidth, align: 'center', lineBreak: false });
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.onPrimary)
    .text(INFORMATION_CARD_HEADINGS.maximumResidentsLabel, boxX + 8, top + 78, {
      width: boxWidth - 16,
      align: 'center',
      lineGap: 0.5,
    });

  const qrSize = 150;
  const qrTop = Math.max(leftBottom, top + boxHeight) + 10;
  drawQrCode(doc, data.verifyUrl, CONTENT_LEFT - 12, qrTop, qrSize);
  const qrTextX = CONTENT_LEFT + qrSize + 6;
  const qrTextWidth = CONTENT_RIGHT - qrTextX;
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(COLOURS.primary)
    .text(INFORMATION_CARD_HEADINGS.checkLabel, qrTextX, qrTop + 28, { width: qrTextWidth });
  doc
    .font('monoBold')
    .fontSize(10.5)
    .fillColor(COLOURS.text)
    .text(data.verifyUrl, qrTextX, doc.y + 6, { width: qrTextWidth });
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(COLOURS.muted)
    .text(INFORMATION_CARD_HEADINGS.qrExplanation, qrTextX, doc.y + 8, { width: qrTextWidth, lineGap: 1 });

  const blocksTop = Math.max(qrTop + qrSize, doc.y) + 6;
  const footerTop = PAGE_HEIGHT - 62;
  drawLanguageBlocks(doc, data, blocksTop, footerTop - 8);

  doc.moveTo(CONTENT_LEFT, footerTop).lineTo(CONTENT_RIGHT, footerTop).lineWidth(0.6).stroke(COLOURS.rule);
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(COLOURS.muted)
    .text(INFORMATION_CARD_HEADINGS.footer(data.certificateNumber), CONTENT_LEFT, PAGE_HEIGHT - 44, {
      width: CONTENT_WIDTH - 100,
      lineBreak: false,
    });
  drawPageNumber(doc, 2);
}

/**
 * One block per language. The font size shrinks step by step if a long base URL would push the
 * blocks into the footer, so the card never overflows its page.
 */
/** Heights of wrapped lines, by font, size, width and text: the card's fixed lines are laid out once per process. */
const lineHeights = new Map<string, number>();
const LINE_HEIGHTS_LIMIT = 5000;

/** `doc.heightOfString` in `font` at `fontSize`, remembered (the fonts are the same for every document); leaves that font set. */
function heightOfLine(doc: PDFKit.PDFDocument, font: 'regular' | 'bold', fontSize: number, line: string, width: number): number {
  doc.font(font).fontSize(fontSize);
  const key = `${font}|${fontSize}|${width}|${line}`;
  let height = lineHeights.get(key);
  if (height === undefined) {
    if (lineHeights.size >= LINE_HEIGHTS_LIMIT) lineHeights.clear();
    lineHeights.set(key, (height = doc.heightOfString(line, { width })));
  }
  return height;
}

function drawLanguageBlocks(doc: PDFKit.PDFDocument, data: CertificateDocumentData, top: number, bottom: number): void {
  const tagWidth = 28;
  const textX = CONTENT_LEFT + tagWidth + 10;
  const textWidth = CONTENT_RIGHT - textX;
  const validUntil = formatNumericDate(data.validUntil);
  const blocks = INFORMATION_CARD_LANGUAGES.map((language) => ({
    language,
    texts: INFORMATION_CARD_TEXTS[language],
  }));
  // Each line is drawn in its own font; index 1 (the maximum) is bold.
  const linesOf = (texts: InformationCardTexts, fontSize: number): string[] => {
    const checkLine = `${texts.checkAndComplain} ${data.verifyUrl}`;
    doc.font('regular').fontSize(fontSize);
    // A web address broken after "https://" cannot be typed in; give it a line of its own instead.
    const checkLines = doc.widthOfString(checkLine) <= textWidth ? [checkLine] : [texts.checkAndComplain, data.verifyUrl];
    return [
      texts.certified,
      `${texts.maximumResidents(data.maximumResidents)} · ${texts.certificate(data.certificateNumber, validUntil)}`,
      ...checkLines,
    ];
  };

  const separator = 7;
  const measure = (fontSize: number): number =>
    blocks.reduce((total, block) => {
      doc.font('bold').fontSize(fontSize + 0.5);
      let height = doc.currentLineHeight(true) + 2;
      linesOf(block.texts, fontSize).forEach((line, lineIndex) => {
        height += heightOfLine(doc, lineIndex === 1 ? 'bold' : 'regular', fontSize, line, textWidth);
      });
      return total + height + 2 * separator;
    }, 0);
  let fontSize = 10;
  while (fontSize > 6.5 && measure(fontSize) > bottom - top) {
    fontSize -= 0.5;
  }
  const totalHeight = measure(fontSize);
  const spare = Math.max(0, bottom - top - totalHeight);
  const gap = separator + spare / (2 * blocks.length);

  let y = top;
  blocks.forEach((block, index) => {
    if (index > 0) {
      doc.moveTo(CONTENT_LEFT, y).lineTo(CONTENT_RIGHT, y).lineWidth(0.4).stroke(COLOURS.rule);
    }
    y += gap;
    doc.roundedRect(CONTENT_LEFT, y, tagWidth, 15, 2).fill(COLOURS.primary);
    doc
      .font('bold')
      .fontSize(8)
      .fillColor(COLOURS.onPrimary)
      .text(block.language.toUpperCase(), CONTENT_LEFT, y + 3.5, { width: tagWidth, align: 'center', lineBreak: false });
    doc
      .font('bold')
      .fontSize(fontSize + 0.5)
      .fillColor(COLOURS.primary)
      .text(block.texts.languageName, textX, y + 1, { width: textWidth });
    y += doc.currentLineHeight(true) + 2;
    linesOf(block.texts, fontSize).forEach((line, lineIndex) => {
      doc
        .font(lineIndex === 1 ? 'bold' : 'regular')
        .fontSize(fontSize)
        .fillColor(COLOURS.text)
        .text(line, textX, y, { width: textWidth });
      y += heightOfLine(doc, lineIndex === 1 ? 'bold' : 'regular', fontSize, line, textWidth);
    });
    y += gap;
  });
}
