import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException, Clock } from '@keurmerk/common';
import { ObjectStorage } from '@keurmerk/storage';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { detectContentType, EXTENSION, fileNameForType } from './file-type';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentOwner =
  { applicationId: string; kind?: string } | { inspectionId: string; criterionCode?: string } | { repairReportId: string };

export interface Upload {
  /** The field the file came in, to name it in errors (`bestand`). */
  field: string;
  fileName: string;
  bytes: Buffer;
}

/** A file name safe to show and to put in a Content-Disposition header. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .trim()
    .slice(0, 120);
  return cleaned || 'bestand';
}

/**
 * Stores uploaded files: typed by their bytes (PDF, JPEG, PNG), at most 10 MiB, SHA-256 recorded,
 * under a key the platform makes. The object is written before the row, so a row never points at
 * nothing; an object without a row (the insert failed after the upload) is harmless and unreachable.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  /** Checks the file before anything is written; throws invalid input naming the field. */
  inspect(upload: Upload): { contentType: ReturnType<typeof detectContentType> & string } {
    if (upload.bytes.length === 0) throw AppException.invalidField(upload.field, 'empty', 'The file is empty.');
    if (upload.bytes.length > MAX_DOCUMENT_BYTES) {
      throw AppException.invalidField(upload.field, 'too-large', 'The file is larger than 10 MiB.');
    }
    const contentType = detectContentType(upload.bytes);
    if (!contentType) {
      throw AppException.invalidField(
        upload.field,
        'content-type',
        'The file is not a complete PDF, JPEG or PNG (judged by its content, not its name: a PNG needs its header and end chunks, ' +
          'a JPEG its frame and end, a PDF its trailer and %%EOF).',
      );
    }
    return { contentType };
  }

  /**
   * Uploads and records a document for `owner`. With a `clientReference` (an offline client's id
   * for the upload), a retry returns the document stored the first time instead of a copy.
   */
  async store(
    manager: EntityManager | undefined,
    owner: DocumentOwner,
    upload: Upload,
    uploadedBy: string,
    clientReference?: string,
  ): Promise<DocumentEntity> {
    const { contentType } = this.inspect(upload);
    if (clientReference) {
      const existing = await this.documents.findByClientReference(uploadedBy, clientReference, manager);
      if (existing) return existing;
    }
    const key = `documents/${this.clock.today().slice(0, 7)}/${randomUUID()}.${EXTENSION[contentType]}`;
    const stored = await this.storage.put(key, upload.bytes, contentType);
    return this.documents.insert(
      {
        applicationId: 'applicationId' in owner ? owner.applicationId : null,
        kind: 'applicationId' in owner ? (owner.kind ?? null) : null,
        inspectionId: 'inspectionId' in owner ? owner.inspectionId : null,
        criterionCode: 'inspectionId' in owner ? (owner.criterionCode ?? null) : null,
        repairReportId: 'repairReportId' in owner ? owner.repairReportId : null,
        // The extension follows the detected type, never the client's name.
        fileName: fileNameForType(cleanFileName(upload.fileName), contentType),
        contentType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        storageKey: key,
        uploadedBy,
        clientReference: clientReference ?? null,
      },
      manager,
    );
  }

  async list(owner: DocumentOwner): Promise<DocumentEntity[]> {
    const where =
      'applicationId' in owner
        ? { applicationId: owner.applicationId }
        : 'inspectionId' in owner
          ? { inspectionId: owner.inspectionId, ...(owner.criterionCode ? { criterionCode: owner.criterionCode } : {}) }
          : { repairReportId: owner.repairReportId };
    return this.documents.list(where);
  }

  /** The bytes of a document; access must have been checked by the caller's service. */
  async content(documentId: string): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    const document = await this.documents.findWithStorageKey(documentId);
    if (!document) throw AppException.notFound('The document');
    // Rows stored before names followed the type are offered under a name that does.
    document.fileName = fileNameForType(document.fileName, document.contentType);
    return { document, bytes: await this.storage.get(document.storageKey) };
  }
}
