import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ACCOUNT_ENTITIES,
  OrganisationEntity,
  type OrganisationKind,
  type PersonPrincipal,
  type Role,
  UserEntity,
} from '@keurmerk/accounts';
import { AppErrorCode, AppException, FixedClock } from '@keurmerk/common';
import { DocumentsModule } from '@keurmerk/documents';
import { EventsModule } from '@keurmerk/events';
import { ApplicationEntity, LOCATION_ENTITIES, LocationEntity } from '@keurmerk/locations';
import { QueueModule } from '@keurmerk/queue';
import { CoreModule, createLogger, PinoNestLogger } from '@keurmerk/runtime';
import { EmbeddedS3 } from '@keurmerk/storage';
import { BUCKET, startTestRuntime, testConfig } from './test-app';
import { createTestDatabase } from './test-database';

/*
 * "Medium" tests (Immich's term): a feature's services against a real PostgreSQL, without HTTP. Each
 * test file gets its own database copied from the migrated template, the services come from a small
 * Nest testing module over the real TypeORM DataSource, the real event log and job queue, and a
 * FixedClock the test moves; an s3rver runs when the feature stores objects. Nothing is mocked but
 * what the test names itself (a port to another feature, to see what it was told).
 */

export interface MediumOptions {
  /** The feature modules under test, and any stand-ins for the ports they need. */
  imports?: (Type | DynamicModule)[];
  providers?: Provider[];
  /** Start an s3rver (documents, certificate PDFs); without it the object store is an address nobody answers. */
  storage?: boolean;
  /** Where the clock starts; default Tuesday 1 December 2026, 09:00 UTC. */
  now?: Date;
}

export interface Medium {
  module: TestingModule;
  db: DataSource;
  clock: FixedClock;
  rows: Rows;
  s3?: EmbeddedS3;
  get<T>(token: Type<T> | string | symbol): T;
  /** Plain SQL, for what the services do not show. */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * For a medium file's beforeAll. On PGlite (no DATABASE_URL) the first file of a run migrates the
 * template from nothing inside its setup, and with two workers on a loaded machine that alone can
 * pass jest's 60 s: the hook gets this much instead.
 */
export const MEDIUM_SETUP_TIMEOUT = 180_000;

export async function startMedium(options: MediumOptions = {}): Promise<Medium> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'keurmerk-medium-'));
  const s3 = options.storage ? await EmbeddedS3.start({ directory: dataDir, bucket: BUCKET }) : undefined;
  const s3Endpoint = s3?.endpoint ?? 'http://127.0.0.1:9';
  const config = testConfig(database, s3Endpoint, dataDir);
  const logger = createLogger(config);
  const runtime = await startTestRuntime(config, logger, database, s3Endpoint);
  const clock = new FixedClock(options.now ?? new Date('2026-12-01T09:00:00Z'));
  const stopServices = async () => {
    await runtime.stop();
    await s3?.stop().catch(() => undefined);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let module: TestingModule;
  try {
    module = await Test.createTestingModule({
      imports: [
        CoreModule.forRoot(runtime, { clock }),
        EventsModule,
        QueueModule,
        DocumentsModule,
        // The rows the fixtures write; their own features are not under test here.
        TypeOrmModule.forFeature([...ACCOUNT_ENTITIES, ...LOCATION_ENTITIES]),
        ...(options.imports ?? []),
      ],
      providers: options.providers ?? [],
    })
      .setLogger(new PinoNestLogger(logger))
      .compile();
    await module.init();
  } catch (error) {
    await stopServices();
    throw error;
  }
  const db = module.get(DataSource);
  return {
    module,
    db,
    clock,
    rows: new Rows(db),
    s3,
    get: (token) => module.get(token, { strict: false }),
    sql: async (text, values) => db.query(text, values),
    async close() {
      await module.close();
      await stopServices();
    },
  };
}

/** Awaits a refusal of this kind (the kind is what the HTTP edge turns into a status), whatever its feature code or text. */
export async function refusal(promise: Promise<unknown>, kind: AppErrorCode): Promise<AppException> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  expect(outcome).toEqual({ rejected: expect.any(AppException) });
  const error = (outcome as { rejected: AppException }).rejected;
  expect({ kind: error.code, detail: error.detail }).toEqual({ kind, detail: expect.any(String) });
  return error;
}

export type Person = PersonPrincipal & { name: string };

// KvK numbers and e-mail addresses are unique per database; one file's fixtures share a database.
let serial = 0;

/**
 * Rows for medium tests, written straight through TypeORM: organisations, people (as the principals
 * the services take), locations and applications. The services under test never made these, so a
 * fixture cannot hide a bug in them.
 */
export class Rows {
  constructor(private readonly db: DataSource) {}

  async organisation(kind: OrganisationKind, extra: Partial<OrganisationEntity> = {}): Promise<OrganisationEntity> {
    const n = ++serial;
    return this.db.manager.save(
      this.db.manager.create(OrganisationEntity, {
        name: `${kind} ${n}`,
        kvkNumber: String(70_000_000 + n),
        kind,
        accreditationValidUntil: kind === 'inspectie-instelling' ? '2030-12-31' : null,
        ...extra,
      }),
    );
  }

  async person(role: Role, extra: Partial<UserEntity> = {}): Promise<Person> {
    const n = ++serial;
    const user = await this.db.manager.save(
      this.db.manager.create(UserEntity, {
        email: `${role}-${n}@medium.test`,
        // Nobody signs in here; the column only may not be empty.
        passwordHash: 'not-a-hash',
        name: `${role} ${n}`,
        role,
        organisationId: null,
        municipalityCode: null,
        accreditationValidUntil: null,
        active: true,
        ...extra,
      }),
    );
    return {
      kind: 'person',
      userId: user.id,
      role,
      name: user.name,
      ...(user.organisationId ? { organisationId: user.organisationId } : {}),
      ...(user.municipalityCode ? { municipalityCode: user.municipalityCode } : {}),
    };
  }

  /** A location of the organisation: 14 beds requested in an ordinary house in Westland unless told. */
  async location(organisationId: string, extra: Partial<LocationEntity> = {}): Promise<LocationEntity> {
    const n = ++serial;
    return this.db.manager.save(
      this.db.manager.create(LocationEntity, {
        organisationId,
        postcode: '2671AB',
        houseNumber: n,
        houseLetter: null,
        houseNumberAddition: null,
        street: 'Tuinbouwweg',
        city: 'Naaldwijk',
        municipalityCode: 'GM1783',
        bagId: null,
        housingType: 'woning',
        newBuild: false,
        requestedBeds: 14,
        ...extra,
      }),
    );
  }

  async application(locationId: string, createdBy: string): Promise<ApplicationEntity> {
    return this.db.manager.save(this.db.manager.create(ApplicationEntity, { locationId, status: 'ingediend', createdBy }));
  }
}
