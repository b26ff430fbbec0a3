/*
 * The one Content-Disposition builder for every download, REST and web. `attachment` keeps a browser
 * from rendering a file inline: every upload (evidence and application documents, PDFs included)
 * downloads, only a JPEG or PNG photo may show in a page. Names outside ASCII also travel as RFC 8187
 * `filename*`, with an ASCII fallback; quotes and backslashes never reach the header.
 */

export type DispositionType = 'attachment' | 'inline';

export function contentDisposition(fileName: string, type: DispositionType = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName) return `${type}; filename="${ascii}"`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Only JPEG and PNG (typed by their content when stored) show inline; anything else is saved, never rendered. */
export function isImage(file: { contentType: string }): boolean {
  return file.contentType === 'image/jpeg' || file.contentType === 'image/png';
}

/** A stored upload: a photo inline, anything else as an attachment. */
export function storedFileDisposition(file: { contentType: string; fileName: string }): string {
  return contentDisposition(file.fileName, isImage(file) ? 'inline' : 'attachment');
}
