import fc from 'fast-check';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { DataSource } from 'typeorm';
import { CertificateQueryService } from '@keurmerk/certificates';
import { chainHash, EventLog } from '@keurmerk/events';
import { DocumentCheckService } from '@keurmerk/verification';
import { EventLogPrivileges1764300800000 } from '../../migrations/1764300800000-event-log-privileges';
import { JOB_QUEUE_SCHEMA } from '@keurmerk/migrations';
import { createScenario, Scenario } from '../support/scenario';
import { ADMIN, startSecondApi, startTestApp, TestApp } from '../support/test-app';
import { usingRealPostgres } from '../support/test-database';

/**
 * Tamper evidence, end to end: a certificate PDF with any one byte changed in its signed range, a
 * changed credential, an edited or deleted event-log entry, and the application role trying to
 * change the event log. The signature verifier's own byte-level properties are in
 * libs/signing/src/pdf-signature.verifier.spec.ts; the chain's in libs/events/src/chain.spec.ts.
 */

/** The two signed ranges [start, end) of a PDF signature, from its /ByteRange [a b c d]. */
function signedRanges(pdf: Buffer): [number, number][] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no /ByteRange in the PDF');
  const [a, b, c, d] = match.slice(1).map(Number);
  return [
    [a, a + b],
    [c, c + d],
  ];
}

/** `count` positions spread evenly over the signed ranges, both ends of each included. */
function spreadPositions(ranges: [number, number][], count: number): number[] {
  const total = ranges.reduce((sum, [start, end]) => sum + (end - start), 0);
  const offsets = Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1)));
  return offsets.map((offset) => {
    for (const [start, end] of ranges) {
      if (offset < end - start) return start + offset;
      offset -= end - start;
    }
    throw new Error('offset outside the signed ranges');
  });
}

function withByteChanged(pdf: Buffer, position: number, xor: number): Buffer {
  const changed = Buffer.from(pdf);
  changed[position] ^= xor;
  return changed;
}

describe('tamper evidence', () => {
  let t: TestApp;
  let s: Scenario;
  let number: string;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    s = await createScenario(t, 'tamper');
    ({ number } = await s.certifiedLocation({ huisnummer: 7 }));
    pdf = (await t.app.get(CertificateQueryService).pdf(number)).bytes;
  });
  afterAll(() => t.close());

  describe('certificate PDF', () => {
    it('accepts the PDF as issued (the baseline the changes are measured against)', async () => {
      expect(await t.app.get(DocumentCheckService).check(pdf)).toMatchObject({
        signatureValid: true,
        documentUnchanged: true,
        certificateNumber: number,
      });
      const ranges = signedRanges(pdf);
      // Everything but the signature's own placeholder is signed.
      expect(ranges[0][0]).toBe(0);
      expect(ranges[1][1]).toBe(pdf.length);
    });

    it('detects one changed byte at each of 200 positions spread over the whole signed range', async () => {
      const checker = t.app.get(DocumentCheckService);
      const positions = spreadPositions(signedRanges(pdf), 200);
      const accepted: number[] = [];
      for (const position of positions) {
        const verdict = await checker.check(withByteChanged(pdf, position, 0x01));
        if (verdict.signatureValid || verdict.documentUnchanged) accepted.push(position);
      }
      process.stdout.write(
        `reliability/tamper: ${positions.length} single-byte changes across the signed range, ${accepted.length} accepted\n`,
      );
      expect(accepted).toEqual([]);
    });

    it('detects any single changed byte in the signed range, sent to POST /v1/verificaties/documenten (property)', async () => {
      const ranges = signedRanges(pdf);
      const signedLength = ranges.reduce((sum, [start, end]) => sum + (end - start), 0);
      const positionOf = (offset: number) => (offset < ranges[0][1] ? offset : ranges[1][0] + (offset - ranges[0][1]));
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: signedLength - 1 }), fc.integer({ min: 1, max: 255 }), async (offset, xor) => {
          const response = await t.http
            .post('/v1/verificaties/documenten')
            .set('Content-Type', 'application/pdf')
            .send(withByteChanged(pdf, positionOf(offset), xor));
          expect(response.status).toBe(200);
          expect(response.body).toMatchObject({ handtekeningGeldig: false, documentOngewijzigd: false });
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('credential (JWS)', () => {
    let jws: string;
    let keys: JSONWebKeySet;

    beforeAll(async () => {
      jws = (await t.http.get(`/v1/certificaten/${number}/vc`).expect(200)).text;
      keys = (await t.http.get('/.well-known/jwks.json').expect(200)).body;
      await jwtVerify(jws, createLocalJWKSet(keys), { typ: 'vc+jwt' });
    });

    it('rejects a credential with any one character of header, payload or signature changed (property)', async () => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const [header, payload, signature] = jws.split('.');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: jws.length - 1 }), fc.constantFrom(...alphabet), async (position, replacement) => {
          fc.pre(jws[position] !== '.' && jws[position] !== replacement);
          const changed = jws.slice(0, position) + replacement + jws.slice(position + 1);
          const [, , changedSignature] = changed.split('.');
          // The last character of a base64url part carries padding bits: a change there alone may
          // decode to the same signature bytes, which is no change to what was signed.
          fc.pre(
            changed.startsWith(`${header}.${payload}.`) === false ||
              !Buffer.from(changedSignature, 'base64url').equals(Buffer.from(signature, 'base64url')),
          );
          await expect(jwtVerify(changed, createLocalJWKSet(keys))).rejects.toThrow();
        }),
        { numRuns: 200 },
      );
    });

    it('rejects a credential re-signed with another key under the published kid', async () => {
      const { SignJWT, generateKeyPair, decodeProtectedHeader, decodeJwt } = await import('jose');
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({
        ...decodeJwt(jws),
        vc: { credentialSubject: { certificaatnummer: number, status: 'geldig', maximaalAantalBewoners: 99 } },
      })
        .setProtectedHeader({ ...decodeProtectedHeader(jws), alg: 'ES256' } as never)
        .sign(privateKey);
      await expect(jwtVerify(forged, createLocalJWKSet(keys))).rejects.toThrow();
    });
  });

  describe('event log', () => {
    type Row = { id: string; after: unknown; hash: string };
    const rows = () => t.sql<Row>(`SELECT id::text AS id, after, hash FROM event_log ORDER BY event_log.id`);
    const verify = () => t.app.get(EventLog).verify();

    // Going around the append-only trigger needs the table's owner; the application role cannot (below).
    beforeAll(() => t.sql('ALTER TABLE event_log DISABLE TRIGGER tr_event_log_append_only'));
    afterAll(() => t.sql('ALTER TABLE event_log ENABLE TRIGGER tr_event_log_append_only'));

    it('starts from an unbroken chain', async () => {
      expect(await verify()).toEqual({ valid: true, checked: (await rows()).length });
    });

    it('reports an edited entry, and is whole again once the entry is put back', async () => {
      const all = await rows();
      const target = all[Math.floor(all.length / 2)];
      await t.sql(`UPDATE event_log SET after = jsonb_set(coalesce(after, '{}'::jsonb), '{tampered}', 'true') WHERE id = $1`, [target.id]);
      expect(await verify()).toMatchObject({ valid: false, brokenAt: { id: target.id, reason: 'hash-mismatch' } });
      await t.sql(`UPDATE event_log SET after = $2::jsonb WHERE id = $1`, [
        target.id,
        target.after === null ? null : JSON.stringify(target.after),
      ]);
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('reports an entry edited with its own hash recomputed: the next entry no longer links to it', async () => {
      const all = await rows();
      const target = all[Math.floor(all.length / 3)];
      const next = all[all.indexOf(target) + 1];
      const [row] = await t.sql<Record<string, unknown>>(`SELECT * FROM event_log WHERE id = $1`, [target.id]);
      const forgedAfter = { ...((row.after as object | null) ?? {}), tampered: true };
      const forgedHash = chainHash(row.previous_hash as string, {
        occurredAt: new Date(row.occurred_at as string).toISOString(),
        actorKind: row.actor_kind as string,
        actorId: (row.actor_id as string | null) ?? null,
        entityType: row.entity_type as string,
        entityId: row.entity_id as string,
        action: row.action as string,
        before: row.before ?? null,
        after: forgedAfter,
      });
      await t.sql(`UPDATE event_log SET after = $2::jsonb, hash = $3 WHERE id = $1`, [target.id, JSON.stringify(forgedAfter), forgedHash]);
      expect(await verify()).toMatchObject({ valid: false, brokenAt: { id: next.id, reason: 'previous-hash-mismatch' } });
      await t.sql(`UPDATE event_log SET after = $2::jsonb, hash = $3 WHERE id = $1`, [
        target.id,
        target.after === null ? null : JSON.stringify(target.after),
        target.hash,
      ]);
      expect(await verify()).toMatchObject({ valid: true });
    });

    it('reports a deleted entry at the entry after it', async () => {
      const all = await rows();
      const target = all[Math.floor(all.length / 2)];
      const next = all[all.indexOf(target) + 1];
      const [saved] = await t.sql<Record<string, unknown>>(`SELECT * FROM event_log WHERE id = $1`, [target.id]);
      await t.sql(`DELETE FROM event_log WHERE id = $1`, [target.id]);
      expect(await verify()).toMatchObject({ valid: false, brokenAt: { id: next.id, reason: 'previous-hash-mismatch' } });
      const columns = Object.keys(saved);
      await t.sql(
        `INSERT INTO event_log (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => ((c === 'before' || c === 'after') && saved[c] !== null ? JSON.stringify(saved[c]) : saved[c])),
      );
      expect(await verify()).toMatchObject({ valid: true });
    });
  });

  describe('the application role and the event log', () => {
    const ROLE = 'keurmerk_app';

    /** Runs one statement as the application role, in a transaction that is always rolled back. */
    async function asApplicationRole(statement: string): Promise<string> {
      const runner = t.app.get(DataSource).createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SET LOCAL ROLE ${ROLE}`);
        await runner.query(statement);
        return 'allowed';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }

    beforeAll(async () => {
      // Roles belong to the whole server, which other test runs share: make it once, tolerate a race.
      await t.sql(`CREATE ROLE ${ROLE} NOLOGIN`).catch((error: { code?: string }) => {
        if (error.code !== '42710' && error.code !== '23505') throw error;
      });
      // What an operator grants the application (SECURITY.md), then the migration limits it again.
      await t.sql(`GRANT USAGE ON SCHEMA public TO ${ROLE}`);
      await t.sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ROLE}`);
      const runner = t.app.get(DataSource).createQueryRunner();
      try {
        await new EventLogPrivileges1764300800000().up(runner);
      } finally {
        await runner.release();
      }
    });

    it('may read and append to the event log', async () => {
      expect(await asApplicationRole('SELECT count(*) FROM event_log')).toBe('allowed');
      expect(
        await asApplicationRole(
          `INSERT INTO event_log (occurred_at, actor_kind, entity_type, entity_id, action, previous_hash, hash) VALUES (now(), 'system', ` +
            `'test', 'x', 'probe', '0', 'probe-${Date.now()}')`,
        ),
      ).toBe('allowed');
      // The grants are real: the same role may change an ordinary table.
      expect(await asApplicationRole(`UPDATE certificate SET status = status WHERE number = '${number}'`)).toBe('allowed');
    });

    (usingRealPostgres ? it : it.skip)(
      'runs the API under that role with the grants SECURITY.md gives, and its changes still reach the event log (PostgreSQL)',
      async () => {
        const password = 'keurmerk-app-test-password';
        await t.sql(`ALTER ROLE ${ROLE} LOGIN PASSWORD '${password}'`);
        await t.sql(`GRANT USAGE, CREATE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${ROLE}`);
        await t.sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, ${JOB_QUEUE_SCHEMA} TO ${ROLE}`);
        await t.sql(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, ${JOB_QUEUE_SCHEMA} TO ${ROLE}`);
        await t.sql(`REVOKE UPDATE, DELETE, TRUNCATE ON event_log FROM ${ROLE}`);
        const url = new URL(t.database.url);
        url.username = ROLE;
        url.password = password;
        const app = await startSecondApi(t, { env: { DATABASE_URL: url.toString() }, migrate: true, withWorker: true });
        try {
          const http = app.http;
          const [{ user }] = await t.sql<{ user: string }>(
            `SELECT usename AS user FROM pg_stat_activity WHERE application_name = 'keurmerk' AND usename = $1 LIMIT 1`,
            [ROLE],
          );
          expect(user).toBe(ROLE);
          const token = (await http.post('/v1/tokens').send({ email: ADMIN.email, wachtwoord: ADMIN.password }).expect(201)).body
            .accessToken;
          const before = (await t.app.get(EventLog).verify()).checked;
          await http
            .post(`/v1/certificaten/${number}/statuswijzigingen`)
            .set('Authorization', `Bearer ${token}`)
            .send({ status: 'geschorst', reden: 'Als keurmerk_app' })
            .expect(201);
          await http
            .post(`/v1/certificaten/${number}/statuswijzigingen`)
            .set('Authorization', `Bearer ${token}`)
            .send({ status: 'geldig', reden: 'Als keurmerk_app' })
            .expect(201);
          expect(await t.app.get(EventLog).verify()).toEqual({ valid: true, checked: before + 2 });
        } finally {
          await app.close();
          // The role belongs to the whole server: leave it unable to sign in.
          await t.sql(`ALTER ROLE ${ROLE} NOLOGIN PASSWORD NULL`);
        }
      },
    );

    it.each([
      ['UPDATE', `UPDATE event_log SET action = 'edited'`],
      ['DELETE', `DELETE FROM event_log`],
      ['TRUNCATE', `TRUNCATE event_log`],
    ])('may not %s the event log: the database refuses the privilege, before any trigger', async (_, statement) => {
      expect(await asApplicationRole(statement)).toMatch(/permission denied for table event_log/);
    });
  });
});
