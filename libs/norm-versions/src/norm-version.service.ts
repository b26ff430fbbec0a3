import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { hasRole, type PersonPrincipal, type Principal } from '@keurmerk/accounts';
import { AppException, Clock, InvalidParam, Page, PageRequest } from '@keurmerk/common';
import { isUniqueViolation } from '@keurmerk/database';
import { actorOf, EventLog, SYSTEM_ACTOR } from '@keurmerk/events';
import {
  DEFAULT_NORM,
  isIsoDate,
  normFromContract,
  validateNormDocument,
  withTranslationsFrom,
  type NormDocumentInput,
  type NormVersion,
} from '@keurmerk/norm';
import { NormVersionEntity } from './norm-version.entity';
import { NormVersionException, NormVersionExceptionCode } from './norm-version.exception';
import { NormVersionRepository, type NormVersionSummary } from './norm-version.repository';

export type { NormVersionSummary } from './norm-version.repository';

/** The `entityType` of norm version changes in the event log; the entity id is the version. */
export const NORM_VERSION_ENTITY_TYPE = 'norm-version';

/**
 * The stored model with the row's own status, version and date: those columns are what the
 * database constrains (and what publishing changes), so they win over the copy inside `definition`.
 */
export function normOf(entity: NormVersionEntity): NormVersion {
  return {
    ...entity.definition,
    version: entity.version,
    status: entity.status === 'gepubliceerd' ? 'published' : 'draft',
    effectiveDate: entity.effectiveDate,
  };
}

/**
 * The norm as versioned data. Beheerders write concepts and publish them; a published version never
 * changes again, because every inspection is judged by exactly the version pinned to it. That rule
 * is checked here and enforced again by a trigger on norm_version, whose error also becomes a 409.
 */
@Injectable()
export class NormVersionService {
  private readonly logger = new Logger(NormVersionService.name);
  // Published versions are immutable, so a copy read once stays right in every process.
  private readonly publishedCache = new Map<string, NormVersion>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly versions: NormVersionRepository,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  /** Every version, concepts included, newest first. */
  async list(): Promise<NormVersionEntity[]> {
    return this.versions.all();
  }

  /** One page of the versions `caller` may see, newest first: concepts only for a beheerder. */
  async listVisible(caller: Principal | undefined, request: PageRequest): Promise<Page<NormVersionSummary>> {
    return this.versions.page(request, { withConcepts: seesConcepts(caller) });
  }

  async get(version: string): Promise<NormVersionEntity> {
    const entity = await this.versions.find(version);
    if (!entity) throw notFound(version);
    return entity;
  }

  /** Like `get`, but a concept is not found for anyone but a beheerder (its existence is not public). */
  async getVisible(caller: Principal | undefined, version: string): Promise<NormVersionEntity> {
    const entity = await this.versions.find(version);
    if (!entity || (entity.status !== 'gepubliceerd' && !seesConcepts(caller))) throw notFound(version);
    return entity;
  }

  /** The published version as the norm library's model (frozen: it is shared); not found when missing or a concept. */
  async getPublished(version: string): Promise<NormVersion> {
    const cached = this.publishedCache.get(version);
    if (cached) return cached;
    const entity = await this.versions.findPublished(version);
    if (!entity) throw new NormVersionException(NormVersionExceptionCode.NotFound, `Published norm version ${version} was not found.`);
    const norm = deepFreeze(normOf(entity));
    this.publishedCache.set(version, norm);
    return norm;
  }

  /**
   * The published version to pin for an inspection planned on `onDate` (YYYY-MM-DD): the newest
   * published version in effect on that date; before the first one takes effect, the newest published.
   */
  async currentPublished(onDate: string): Promise<NormVersionEntity> {
    if (!isIsoDate(onDate)) throw new Error(`currentPublished needs a date YYYY-MM-DD, not ${JSON.stringify(onDate)}`);
    const chosen = (await this.versions.newestPublished(onDate)) ?? (await this.versions.newestPublished());
    if (!chosen) throw new NormVersionException(NormVersionExceptionCode.NonePublished, 'No norm version is published yet.');
    return chosen;
  }

  /** A new concept from the contract document; its `status` is ignored, since only publishing publishes. */
  async createDraft(caller: PersonPrincipal, document: unknown): Promise<NormVersionEntity> {
    const norm = parseDraft(document);
    return this.db.transaction(async (manager) => {
      if (await this.versions.exists(manager, norm.version)) throw versionExists(norm.version);
      const entity = {
        version: norm.version,
        status: 'concept' as const,
        effectiveDate: norm.effectiveDate,
        definition: norm,
        publishedAt: null,
      };
      try {
        await this.versions.insert(manager, entity);
      } catch (error) {
        // Two beheerders creating the same version at once: the second insert waits for the first and fails.
        if (isUniqueViolation(error, 'pk_norm_version')) throw versionExists(norm.version);
        throw error;
      }
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: NORM_VERSION_ENTITY_TYPE,
        entityId: norm.version,
        action: 'created',
        after: snapshot(entity),
      });
      return this.reread(manager, norm.version);
    });
  }

  /** Replaces a concept by the document, whose `versie` must be the one addressed. */
  async updateDraft(caller: PersonPrincipal, version: string, document: unknown): Promise<NormVersionEntity> {
    const norm = parseDraft(document, version);
    return this.db.transaction(async (manager) => {
      const current = await this.lockVersion(manager, version);
      if (current.status === 'gepubliceerd') throw isPublished(version, 'edited');
      await this.publishedGuard(version, 'edited', () =>
        this.versions.update(manager, version, { effectiveDate: norm.effectiveDate, definition: norm }),
      );
      const updated = await this.reread(manager, version);
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: NORM_VERSION_ENTITY_TYPE,
        entityId: version,
        action: 'updated',
        before: snapshot(current),
        after: snapshot(updated),
      });
      return updated;
    });
  }

  /** Publishes a concept: from now on it can be pinned to inspections and never changes. */
  async publish(caller: PersonPrincipal, version: string): Promise<NormVersionEntity> {
    return this.db.transaction(async (manager) => {
      const current = await this.lockVersion(manager, version);
      if (current.status === 'gepubliceerd') throw isPublished(version, 'published again');
      const publishedAt = this.clock.now();
      const definition: NormVersion = { ...current.definition, status: 'published' };
      await this.publishedGuard(version, 'published again', () =>
        this.versions.update(manager, version, { status: 'gepubliceerd', publishedAt, definition }),
      );
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: NORM_VERSION_ENTITY_TYPE,
        entityId: version,
        action: 'published',
        before: { status: current.status },
        after: { status: 'gepubliceerd', publishedAt },
      });
      return this.reread(manager, version);
    });
  }

  /**
   * Installs the default norm 2026.1 as published when it is missing. Processes starting at the
   * same time may both get here: ON CONFLICT lets the second wait for the first and then do nothing,
   * so the norm and its event are written once.
   */
  async ensureDefaultNorm(): Promise<void> {
    await this.db.transaction(async (manager) => {
      const publishedAt = this.clock.now();
      if (!(await this.versions.insertPublishedIfMissing(manager, DEFAULT_NORM, publishedAt))) {
        await this.addDefaultTranslations(manager);
        return;
      }
      await this.events.append(manager, {
        actor: SYSTEM_ACTOR,
        entityType: NORM_VERSION_ENTITY_TYPE,
        entityId: DEFAULT_NORM.version,
        action: 'created',
        after: { status: 'gepubliceerd', effectiveDate: DEFAULT_NORM.effectiveDate, publishedAt, definition: DEFAULT_NORM },
      });
      this.logger.log(`Installed the default norm ${DEFAULT_NORM.version}`);
    });
  }

  /**
   * A database that installed 2026.1 before the norm carried English gets the English added: texts
   * only, beside the Dutch; what the norm requires does not change, so a published norm may take them.
   */
  private async addDefaultTranslations(manager: EntityManager): Promise<void> {
    const stored = await this.versions.findForUpdate(manager, DEFAULT_NORM.version);
    if (!stored) return;
    const translated = withTranslationsFrom(stored.definition, DEFAULT_NORM);
    if (JSON.stringify(translated) === JSON.stringify(stored.definition)) return;
    await this.versions.update(manager, DEFAULT_NORM.version, { definition: translated });
    await this.events.append(manager, {
      actor: SYSTEM_ACTOR,
      entityType: NORM_VERSION_ENTITY_TYPE,
      entityId: DEFAULT_NORM.version,
      action: 'translated',
      after: { languages: ['en'] },
    });
    this.logger.log(`Added the English texts to the norm ${DEFAULT_NORM.version}`);
  }

  /** The row, locked until the transaction ends, so a concurrent edit and publication cannot interleave. */
  private async lockVersion(manager: EntityManager, version: string): Promise<NormVersionEntity> {
    const entity = await this.versions.findForUpdate(manager, version);
    if (!entity) throw notFound(version);
    return entity;
  }

  /** The row as the transaction's own write left it (timestamps set by the database). */
  private async reread(manager: EntityManager, version: string): Promise<NormVersionEntity> {
    const entity = await this.versions.find(version, manager);
    if (!entity) throw new Error(`norm version ${version} vanished inside its own transaction`);
    return entity;
  }

  /** The immutability trigger is the backstop for a change that got past the status check. */
  private async publishedGuard<T>(version: string, what: 'edited' | 'published again', write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isImmutabilityViolation(error)) throw isPublished(version, what);
      throw error;
    }
  }
}

function seesConcepts(caller: Principal | undefined): boolean {
  return hasRole(caller, 'beheerder');
}

/** Validates a concept document, every problem at once; `pathVersion` is the version a PUT addresses. */
function parseDraft(document: unknown, pathVersion?: string): NormVersion {
  const problems: InvalidParam[] = validateNormDocument(document);
  const given = (document as { versie?: unknown } | null)?.versie;
  if (pathVersion !== undefined && !problems.some((p) => p.name === 'versie') && typeof given === 'string' && given !== pathVersion) {
    problems.push({ name: 'versie', code: 'mismatch', reason: `versie must be ${pathVersion}, the version in the path.` });
  }
  if (problems.length > 0) throw AppException.invalid(problems);
  return { ...normFromContract(document as NormDocumentInput), status: 'draft' };
}

function snapshot(entity: Pick<NormVersionEntity, 'status' | 'effectiveDate' | 'definition'>): Record<string, unknown> {
  return { status: entity.status, effectiveDate: entity.effectiveDate, definition: entity.definition };
}

function notFound(version: string): NormVersionException {
  return new NormVersionException(NormVersionExceptionCode.NotFound, `Norm version ${version} was not found.`);
}

function versionExists(version: string): NormVersionException {
  return new NormVersionException(NormVersionExceptionCode.AlreadyExists, `Norm version ${version} already exists.`);
}

function isPublished(version: string, what: 'edited' | 'published again'): NormVersionException {
  const code = what === 'edited' ? NormVersionExceptionCode.PublishedImmutable : NormVersionExceptionCode.AlreadyPublished;
  return new NormVersionException(code, `Norm version ${version} is published and cannot be ${what}.`);
}

function isImmutabilityViolation(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; message?: string }) : undefined;
  return driverError?.code === '23514' && /is published and cannot change/.test(driverError.message ?? '');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}
