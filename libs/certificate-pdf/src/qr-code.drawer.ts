import { create as createQrCode } from 'qrcode';

/** Four modules of white around the symbol, as ISO/IEC 18004 requires for reliable scanning. */
export const QR_QUIET_ZONE_MODULES = 4;

/**
 * Draws the QR code as vector squares instead of an embedded bitmap: it stays sharp at any print
 * resolution, adds a few hundred bytes instead of an image, and is deterministic.
 * Error correction level M survives the scuffs and creases a posted card collects.
 * `size` is the full width including the quiet zone.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = createQrCode(text, { errorCorrectionLevel: 'M' });
  const moduleCount = qr.modules.size;
  const moduleSize = size / (moduleCount + 2 * QR_QUIET_ZONE_MODULES);
  const originX = x + QR_QUIET_ZONE_MODULES * moduleSize;
  const originY = y + QR_QUIET_ZONE_MODULES * moduleSize;

  doc.save();
  doc.rect(x, y, size, size).fill('#FFFFFF');
  // Horizontal runs of dark modules become one rectangle each: fewer path operators, no hairline
  // seams between neighbouring squares in some renderers.
  for (let row = 0; row < moduleCount; row++) {
    let col = 0;
    while (col < moduleCount) {
      if (!qr.modules.data[row * moduleCount + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < moduleCount && qr.modules.data[row * moduleCount + col]) {
        col++;
      }
      doc.rect(originX + start * moduleSize, originY + row * moduleSize, (col - start) * moduleSize, moduleSize);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
