import type { FastifyReply } from 'fastify';
import type { Principal } from '@keurmerk/accounts';
import { AppException } from '@keurmerk/common';
import { type DocumentEntity, DocumentService } from '@keurmerk/documents';
import type { FindingService } from '@keurmerk/inspections';
import { storedFileDisposition } from '../../http/content-disposition';
import { uuidOr404 } from './page-parts';

/*
 * Stored files (application documents, inspection photos, repair evidence) as the web app sends them:
 * images may show inline in a page, anything else downloads; nothing is kept by a cache.
 */

export function sendStoredFile(reply: FastifyReply, document: Pick<DocumentEntity, 'contentType' | 'fileName'>, bytes: Buffer): void {
  reply
    .header('Content-Type', document.contentType)
    .header('Content-Disposition', storedFileDisposition(document))
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
  const listed = await findings.evidenceOf(
    principal,
    uuidOr404(ids.findingId, 'The finding'),
    uuidOr404(ids.reportId, 'The repair report'),
  );
  const documentId = uuidOr404(ids.documentId, 'The document');
  if (!listed.some((document) => document.id === documentId)) throw AppException.notFound('The document');
  return documents.content(documentId);
}
