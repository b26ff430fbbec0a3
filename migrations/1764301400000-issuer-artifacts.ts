import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets the API run without a private key (issue 13): the credential is signed once, at issuance,
 * and kept beside the PDF (`certificate.credential`), and the issuer publishes the public side of its
 * keys (`signing_key`) on start and on rotation, so the API serves the JWKS and checks uploaded PDFs
 * from this table alone. Certificates issued before this migration have no stored credential until
 * `npm run cli -- reissue` signs one (their status does not change).
 */
export class IssuerArtifacts1764301400000 implements MigrationInterface {
  name = 'IssuerArtifacts1764301400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE certificate ADD COLUMN credential text`);
    await db.query(`
      CREATE TABLE signing_key (
        kid text NOT NULL,
        algorithm text NOT NULL,
        certificate bytea NOT NULL,
        chain bytea[] NOT NULL DEFAULT '{}',
        status text NOT NULL,
        published_at timestamptz NOT NULL,
        CONSTRAINT pk_signing_key PRIMARY KEY (kid),
        CONSTRAINT ck_signing_key_status CHECK (status IN ('active', 'retired')),
        CONSTRAINT ck_signing_key_algorithm CHECK (algorithm IN ('ES256', 'RS256'))
      )`);
    // One key signs new documents at a time; publishing retires the others in the same transaction.
    await db.query(`CREATE UNIQUE INDEX uq_signing_key_active ON signing_key (status) WHERE status = 'active'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE signing_key`);
    await db.query(`ALTER TABLE certificate DROP COLUMN credential`);
  }
}
