/** The smallest files of each kind the platform accepts (it judges a file by its bytes, not its name). */

/** A valid 1×1 PNG (signature, IHDR, IDAT, IEND), as a phone would send a photo. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A PDF with only a catalogue: enough for a document upload, not for a viewer. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
