import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException, InvalidParam, isUuid, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { DocumentEntity, DocumentService, type Upload } from '@keurmerk/documents';
import { documentKindProblem, OTHER_DOCUMENT_KIND, requiredDocumentsStatus } from './application-documents';
import { actorOf, EventLog } from '@keurmerk/events';
import { ApplicationFilters, ApplicationRepository, OPEN_APPLICATION_STATUSES } from './application.repository';
import { ApplicationEntity, ApplicationStatus } from './location.entities';
import { LocationException, LocationExceptionCode, locationNotFound } from './location.exception';
import { clientReferenceProblem } from './location-input';
import { LocationService } from './location.service';

export function isOpenApplication(status: ApplicationStatus): boolean {
  return OPEN_APPLICATION_STATUSES.includes(status);
}

/**
 * Applications for the mark and the documents that come with them. An application is visible exactly
 * when its location is (one rule, see visibleLocationCondition).
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ApplicationRepository,
    private readonly locations: LocationService,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
  ) {}

  /** A landlord applies for one of its own locations; another landlord's location is unknown to it (404). */
  async create(caller: PersonPrincipal, locationId: string): Promise<ApplicationEntity> {
    if (caller.role !== 'verhuurder')
      throw new LocationException(LocationExceptionCode.NotApplicant, 'Only the landlord of a location applies for it.');
    const location = await this.locations.getVisible(caller, locationId);
    if (location.status === 'afgemeld')
      throw new LocationException(LocationExceptionCode.Deregistered, 'The location is deregistered; register it anew to apply.');
    try {
      return await this.db.transaction(async (manager) => {
        const application = await this.repository.insert(manager, {
          locationId: location.id,
          status: 'ingediend',
          createdBy: caller.userId,
        });
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'application',
          entityId: application.id,
          action: 'created',
          after: { locationId: application.locationId, status: application.status },
        });
        return application;
      });
    } catch (error) {
      // The partial unique index decides, so two simultaneous requests cannot both open one.
      if (isUniqueViolation(error, 'uq_application_open')) {
        const open = await this.repository.findOpenOf(location.id);
        throw new LocationException(
          LocationExceptionCode.ApplicationAlreadyOpen,
          `This location already has an open application${open ? ` (${open.id}, status ${open.status})` : ''}; ` +
            'a new one can be made once that one is afgerond or ingetrokken.',
          open ? { openApplication: { id: open.id, status: open.status } } : {},
        );
      }
      throw error;
    }
  }

  async getVisible(principal: Principal, id: string): Promise<ApplicationEntity> {
    const application = isUuid(id) ? await this.repository.findVisible(principal, id) : null;
    if (!application) throw locationNotFound(LocationExceptionCode.ApplicationNotFound, 'The application');
    return application;
  }

  async list(principal: Principal, request: PageRequest, filters: ApplicationFilters = {}): Promise<Page<ApplicationEntity>> {
    return this.repository.listVisible(principal, request, filters);
  }

  /**
   * An inspection of the location was planned: its open application, if any, is now being handled.
   * Called by the audit workflow in its own transaction; returns the application's id.
   */
  async startHandling(manager: EntityManager, locationId: string): Promise<string | undefined> {
    return this.repository.setOpenStatusOf(manager, locationId, 'in-behandeling');
  }

  /** The inspection of the application was decided: the application is done. Called in the decision's transaction. */
  async complete(manager: EntityManager, applicationId: string): Promise<void> {
    await this.repository.setStatus(manager, applicationId, 'afgerond');
  }

  /**
   * Adds a document (PDF, JPEG or PNG by content, at most 10 MiB) to an open application: the landlord's
   * own, or any as beheerder. With a `clientReference`, a retry of the same upload returns the document
   * stored the first time instead of a second copy.
   */
  async addDocument(
    caller: PersonPrincipal,
    applicationId: string,
    upload: Upload,
    clientReference?: string,
    /** Which required document it is (application-documents.ts, `soort`); none is `overig`. */
    kind?: string,
  ): Promise<DocumentEntity> {
    const application = await this.getVisible(caller, applicationId);
    if (caller.role !== 'verhuurder' && caller.role !== 'beheerder') {
      throw new LocationException(
        LocationExceptionCode.NotDocumentUploader,
        'Only the landlord or the beheerder adds documents to an application.',
      );
    }
    const problems: InvalidParam[] = [];
    const referenceProblem = clientReferenceProblem(clientReference);
    if (referenceProblem) problems.push(referenceProblem);
    const kindProblem = documentKindProblem(kind);
    if (kindProblem) problems.push(kindProblem);
    try {
      this.documents.inspect(upload);
    } catch (error) {
      if (!(error instanceof AppException) || !error.invalidParams) throw error;
      problems.push(...error.invalidParams);
    }
    if (problems.length > 0) throw AppException.invalid(problems);

    try {
      return await this.db.transaction(async (manager) => {
        // A retry is answered before the status check: what happened the first time still stands.
        const earlier = clientReference ? await this.earlierUpload(manager, caller, application, upload, clientReference, kind) : undefined;
        if (earlier) return earlier;
        // FOR SHARE: a status change waits for this upload, so no document lands on a closed application.
        const current = await this.repository.lockShared(manager, application.id);
        if (!current || !isOpenApplication(current.status)) {
          throw new LocationException(
            LocationExceptionCode.ApplicationNotOpen,
            `The application is ${current?.status ?? 'gone'}; documents can be added only while it is open.`,
            { applicationStatus: current?.status },
          );
        }
        const document = await this.documents.store(
          manager,
          { applicationId: application.id, kind },
          upload,
          caller.userId,
          clientReference,
        );
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'application',
          entityId: application.id,
          action: 'document-added',
          after: {
            documentId: document.id,
            kind: document.kind,
            fileName: document.fileName,
            contentType: document.contentType,
            sizeBytes: document.sizeBytes,
            sha256: document.sha256,
          },
        });
        return document;
      });
    } catch (error) {
      // Two copies of one retry raced; the one that lost answers with the winner's document.
      if (clientReference && isUniqueViolation(error, 'uq_document_client_reference')) {
        const earlier = await this.earlierUpload(this.db.manager, caller, application, upload, clientReference, kind);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  /** The application's documents, oldest first; an application has few, so they are paged in memory. */
  async listDocuments(principal: Principal, applicationId: string, request: PageRequest): Promise<Page<DocumentEntity>> {
    const application = await this.getVisible(principal, applicationId);
    const all = await this.documents.list({ applicationId: application.id });
    const offset = pageOffset(request);
    return { items: all.slice(offset, offset + request.pageSize), total: all.length, ...request };
  }

  /**
   * For each of `applicationIds`: how many of the required documents it has, of how many (an application the
   * principal does not see has none). Applications name no norm version, so the newest list counts, as the landlord sees it.
   */
  async requiredDocumentCounts(
    principal: Principal,
    applicationIds: string[],
  ): Promise<Map<string, { present: number; required: number }>> {
    const rows = await this.repository.documentKindsOf(principal, applicationIds);
    const counts = new Map<string, { present: number; required: number }>();
    for (const id of applicationIds) {
      const status = requiredDocumentsStatus(
        undefined,
        rows.filter((row) => row.applicationId === id),
      );
      counts.set(id, { present: status.filter((entry) => entry.documents.length > 0).length, required: status.length });
    }
    return counts;
  }

  /** A document's bytes, for whoever may see the application it belongs to. */
  async documentContent(
    principal: Principal,
    applicationId: string,
    documentId: string,
  ): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    const application = await this.getVisible(principal, applicationId);
    // Checked before the bytes are fetched: a document of another application is simply not here.
    const belongs = isUuid(documentId) && (await this.repository.isDocumentOf(documentId, application.id));
    if (!belongs) throw locationNotFound(LocationExceptionCode.DocumentNotFound, 'The document');
    return this.documents.content(documentId);
  }

  /**
   * The document this caller stored earlier under the same reference. A reference names one upload:
   * reusing it for another application, for different bytes or as another kind is a client error, not a retry.
   */
  private async earlierUpload(
    manager: EntityManager,
    caller: PersonPrincipal,
    application: ApplicationEntity,
    upload: Upload,
    clientReference: string,
    kind: string | undefined,
  ): Promise<DocumentEntity | undefined> {
    const earlier = await this.repository.findUploadByReference(manager, caller.userId, clientReference);
    if (!earlier) return undefined;
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    // Absent and `overig` are one kind (documentKindProblem).
    const sameKind = (earlier.kind ?? OTHER_DOCUMENT_KIND) === (kind ?? OTHER_DOCUMENT_KIND);
    if (earlier.applicationId !== application.id || earlier.sha256 !== sha256 || !sameKind) {
      throw new LocationException(
        LocationExceptionCode.ClientReferenceReused,
        'This clientReferentie was already used for a different upload; use a new reference for a new file.',
      );
    }
    return earlier;
  }
}
