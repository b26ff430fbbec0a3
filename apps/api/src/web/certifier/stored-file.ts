import type { FastifyReply } from 'fastify';
import type { Principal } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { type DocumentEntity, DocumentService } from '@keurmerk/documents';
import type { FindingService } from '@keurmerk/inspections';
import { attachmentDisposition } from '../../locations/attachment';

/*
 * Stored files (application documents, inspection photos, repair evidence) as the web app sends them:
 * images may show inline in a page, anything else downloads; nothing is kept by a cache.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the address: one that is not a UUID names nothing, answered like anything unseen. */
export function uuidOf(value: string, what: string): string {
  if (!UUID.test(value)) throw AppException.notFound(what);
  return value.toLowerCase();
}

export function isImage(document: Pick<DocumentEntity, 'contentType'>): boolean {
  return document.contentType === 'image/jpeg' || document.contentType === 'image/png';
}

export function sendStoredFile(reply: FastifyReply, document: Pick<DocumentEntity, 'contentType' | 'fileName'>, bytes: Buffer): void {
  // Only JPEG and PNG (typed by their content when stored) are shown inline; a PDF is saved, not rendered here.
  const disposition = attachmentDisposition(document.fileName);
  reply
    .header('Content-Type', document.contentType)
    .header('Content-Disposition', isImage(document) ? disposition.replace(/^attachment/, 'inline') : disposition)
    .header('Content-Length', String(bytes.length))
    // Private papers and photos of people's homes: no shared cache, no browser cache.
    .header('Cache-Control', 'private, no-store')
    .send(bytes);
}

/**
 * A file of a repair report, for whoever may see the finding: FindingService decides who sees the
 * finding and which documents belong to the report; only then are the bytes fetched.
 */
export async function repairEvidenceContent(
  findings: FindingService,
  documents: DocumentService,
  principal: Principal,
  ids: { findingId: string; reportId: string; documentId: string },
): Promise<{ document: DocumentEntity; bytes: Buffer }> {
  const listed = await findings.evidenceOf(principal, uuidOf(ids.findingId, 'The finding'), uuidOf(ids.reportId, 'The repair report'));
  const documentId = uuidOf(ids.documentId, 'The document');
  if (!listed.some((document) => document.id === documentId)) throw AppException.notFound('The document');
  return documents.content(documentId);
}
