import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an application's document is (issue 17): one of the norm version's required documents
 * (`eigendom-of-huur`, `plattegrond`, ...) or `overig`. Nullable: documents uploaded before, and those
 * of inspections and repairs, have none. The list lives in code (libs/locations, application-documents.ts),
 * so the column checks only the form of a kind, not the list.
 */
export class DocumentKind1764302800000 implements MigrationInterface {
  name = 'DocumentKind1764302800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document ADD COLUMN kind text`);
    await db.query(`ALTER TABLE document ADD CONSTRAINT ck_document_kind CHECK (kind IS NULL OR kind ~ '^[a-z][a-z-]{0,39}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE document DROP CONSTRAINT ck_document_kind`);
    await db.query(`ALTER TABLE document DROP COLUMN kind`);
  }
}
