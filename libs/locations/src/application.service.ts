import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { PersonPrincipal, Principal } from '@keurmerk/accounts';
import { AppException, InvalidParam, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { DocumentEntity, DocumentService, type Upload } from '@keurmerk/documents';
import { actorOf, EventLog } from '@keurmerk/events';
import { ApplicationEntity, ApplicationStatus, LocationEntity } from './location.entities';
import { restrictToVisibleLocations } from './location-visibility';
import { LocationService } from './location.service';
import { isUniqueViolation } from './unique-violation';

/** While an application is open the location cannot get another one (uq_application_open) and documents may be added. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['ingediend', 'in-behandeling'];
export const MAX_CLIENT_REFERENCE_LENGTH = 100;

export function isOpenApplication(status: ApplicationStatus): boolean {
  return OPEN_APPLICATION_STATUSES.includes(status);
}

export interface ApplicationFilters {
  locationId?: string;
  status?: ApplicationStatus;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Applications for the mark and the documents that come with them. An application is visible exactly
 * when its location is (one rule, see visibleLocationCondition).
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locations: LocationService,
    private readonly documents: DocumentService,
    private readonly events: EventLog,
  ) {}

  /** A landlord applies for one of its own locations; another landlord's location is unknown to it (404). */
  async create(caller: PersonPrincipal, locationId: string): Promise<ApplicationEntity> {
    if (caller.role !== 'verhuurder') throw AppException.forbidden('Only the landlord of a location applies for it.');
    const location = await this.locations.getVisible(caller, locationId);
    try {
      return await this.db.transaction(async (manager) => {
        const application = await manager.save(
          ApplicationEntity,
          manager.create(ApplicationEntity, { locationId: location.id, status: 'ingediend', createdBy: caller.userId }),
        );
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
        const open = await this.db.manager.findOneBy(ApplicationEntity, { locationId: location.id, status: In([...OPEN_APPLICATION_STATUSES]) });
        throw AppException.conflict(
          `This location already has an open application${open ? ` (${open.id}, status ${open.status})` : ''}; ` +
            'a new one can be made once that one is afgerond or ingetrokken.',
        );
      }
      throw error;
    }
  }

  async getVisible(principal: Principal, id: string): Promise<ApplicationEntity> {
    const application = UUID.test(id) ? await this.visibleQuery(principal).andWhere('application.id = :id', { id }).getOne() : null;
    if (!application) throw AppException.notFound('The application');
    return application;
  }

  async list(principal: Principal, request: PageRequest, filters: ApplicationFilters = {}): Promise<Page<ApplicationEntity>> {
    const query = this.visibleQuery(principal);
    if (filters.locationId) query.andWhere('application.locationId = :locationId', { locationId: filters.locationId });
    if (filters.status) query.andWhere('application.status = :status', { status: filters.status });
    const [items, total] = await query
      .orderBy('application.createdAt', 'DESC')
      .addOrderBy('application.id', 'ASC')
      .offset(pageOffset(request))
      .limit(request.pageSize)
      .getManyAndCount();
    return { items, total, ...request };
  }

  /**
   * Adds a document (PDF, JPEG or PNG by content, at most 10 MiB) to an open application: the landlord's
   * own, or any as beheerder. With a `clientReference`, a retry of the same upload returns the document
   * stored the first time instead of a second copy.
   */
  async addDocument(caller: PersonPrincipal, applicationId: string, upload: Upload, clientReference?: string): Promise<DocumentEntity> {
    const application = await this.getVisible(caller, applicationId);
    if (caller.role !== 'verhuurder' && caller.role !== 'beheerder') {
      throw AppException.forbidden('Only the landlord or the beheerder adds documents to an application.');
    }
    const problems: InvalidParam[] = [];
    if (clientReference !== undefined) {
      if (clientReference.length === 0 || clientReference.length > MAX_CLIENT_REFERENCE_LENGTH || CONTROL_CHARACTERS.test(clientReference)) {
        problems.push({
          name: 'clientReferentie',
          code: 'length',
          reason: `clientReferentie is 1 to ${MAX_CLIENT_REFERENCE_LENGTH} characters without control characters.`,
        });
      }
    }
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
        const earlier = clientReference ? await this.earlierUpload(manager, caller, application, upload, clientReference) : undefined;
        if (earlier) return earlier;
        // FOR SHARE: a status change waits for this upload, so no document lands on a closed application.
        const current = await manager.findOne(ApplicationEntity, { where: { id: application.id }, lock: { mode: 'pessimistic_read' } });
        if (!current || !isOpenApplication(current.status)) {
          throw AppException.conflict(`The application is ${current?.status ?? 'gone'}; documents can be added only while it is open.`);
        }
        const document = await this.documents.store(manager, { applicationId: application.id }, upload, caller.userId, clientReference);
        await this.events.append(manager, {
          actor: actorOf(caller),
          entityType: 'application',
          entityId: application.id,
          action: 'document-added',
          after: { documentId: document.id, fileName: document.fileName, contentType: document.contentType, sizeBytes: document.sizeBytes, sha256: document.sha256 },
        });
        return document;
      });
    } catch (error) {
      // Two copies of one retry raced; the one that lost answers with the winner's document.
      if (clientReference && isUniqueViolation(error, 'uq_document_client_reference')) {
        const earlier = await this.earlierUpload(this.db.manager, caller, application, upload, clientReference);
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

  /** A document's bytes, for whoever may see the application it belongs to. */
  async documentContent(principal: Principal, applicationId: string, documentId: string): Promise<{ document: DocumentEntity; bytes: Buffer }> {
    const application = await this.getVisible(principal, applicationId);
    // Checked before the bytes are fetched: a document of another application is simply not here.
    const belongs = UUID.test(documentId) && (await this.db.manager.existsBy(DocumentEntity, { id: documentId, applicationId: application.id }));
    if (!belongs) throw AppException.notFound('The document');
    return this.documents.content(documentId);
  }

  /** Applications joined to their location (alias `location`), narrowed to what the principal may see. */
  private visibleQuery(principal: Principal): SelectQueryBuilder<ApplicationEntity> {
    const query = this.db.manager
      .createQueryBuilder(ApplicationEntity, 'application')
      .innerJoin(LocationEntity, 'location', 'location.id = application.locationId');
    return restrictToVisibleLocations(query, principal, 'location');
  }

  /**
   * The document this caller stored earlier under the same reference. A reference names one upload:
   * reusing it for another application or for different bytes is a client error, not a retry.
   */
  private async earlierUpload(
    manager: EntityManager,
    caller: PersonPrincipal,
    application: ApplicationEntity,
    upload: Upload,
    clientReference: string,
  ): Promise<DocumentEntity | undefined> {
    const earlier = await manager.findOneBy(DocumentEntity, { uploadedBy: caller.userId, clientReference });
    if (!earlier) return undefined;
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    if (earlier.applicationId !== application.id || earlier.sha256 !== sha256) {
      throw AppException.conflict('This clientReferentie was already used for a different upload; use a new reference for a new file.');
    }
    return earlier;
  }
}
