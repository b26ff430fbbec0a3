import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks for municipalities. A subscription holds what is needed to call a receiver back (its URL,
 * the Authorization value it wants, the signing secret), so those are stored retrievable and never
 * shown after creation. A delivery is one event for one subscription: written in the transaction of
 * the status change that causes it (the outbox), it keeps the CloudEvent id for every attempt, and
 * its attempts are kept one row each.
 */
export class Webhooks1764300400000 implements MigrationInterface {
  name = 'Webhooks1764300400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subscription (
        id uuid NOT NULL,
        municipality_code text NOT NULL,
        callback_url text NOT NULL,
        auth_header text,
        secret text NOT NULL,
        created_by_kind text NOT NULL,
        created_by_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        -- Status changes after this one in the changes feed are this subscription's (see the sweep).
        feed_start_id bigint NOT NULL,
        -- Who is delivering to this receiver right now: one at a time, so events arrive in order.
        lease_token uuid,
        lease_until timestamptz,
        CONSTRAINT pk_subscription PRIMARY KEY (id),
        CONSTRAINT fk_subscription_municipality FOREIGN KEY (municipality_code) REFERENCES municipality (code),
        CONSTRAINT ck_subscription_callback_url CHECK (callback_url ~ '^https?://' AND length(callback_url) <= 2000),
        CONSTRAINT ck_subscription_auth_header CHECK (length(auth_header) BETWEEN 1 AND 1000 AND auth_header !~ '[\\r\\n]'),
        CONSTRAINT ck_subscription_secret CHECK (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
        CONSTRAINT ck_subscription_created_by_kind CHECK (created_by_kind IN ('person', 'api-key')),
        CONSTRAINT ck_subscription_lease CHECK ((lease_token IS NULL) = (lease_until IS NULL))
      )`);
    await db.query(`CREATE INDEX ix_subscription_municipality ON subscription (municipality_code, created_at) WHERE deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE delivery (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL,
        status_change_id bigint,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        first_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_delivery PRIMARY KEY (id),
        CONSTRAINT fk_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id),
        CONSTRAINT fk_delivery_status_change FOREIGN KEY (status_change_id) REFERENCES certificate_status_change (id),
        -- One delivery per change per subscription, however often the fan-out or the sweep runs.
        CONSTRAINT uq_delivery_subscription_status_change UNIQUE (subscription_id, status_change_id),
        CONSTRAINT uq_delivery_event UNIQUE (event_id),
        CONSTRAINT ck_delivery_status CHECK (status IN ('pending', 'delivered', 'failed', 'abandoned')),
        CONSTRAINT ck_delivery_event_type CHECK (event_type ~ '^nl\\.keurmerk\\.[a-z-]+$'),
        -- Only the test event sent at subscription has no status change.
        CONSTRAINT ck_delivery_test_event CHECK ((status_change_id IS NULL) = (event_type = 'nl.keurmerk.test')),
        CONSTRAINT ck_delivery_attempts CHECK (attempts >= 0),
        CONSTRAINT ck_delivery_scheduled CHECK ((status IN ('pending', 'failed')) = (next_attempt_at IS NOT NULL)),
        CONSTRAINT ck_delivery_delivered CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
        CONSTRAINT ck_delivery_last_error CHECK (length(last_error) <= 500)
      )`);
    // The open deliveries of a subscription, in the order they go out.
    await db.query(
      `CREATE INDEX ix_delivery_subscription_open ON delivery (subscription_id, status_change_id) WHERE status IN ('pending', 'failed')`,
    );
    await db.query(`CREATE INDEX ix_delivery_due ON delivery (next_attempt_at) WHERE status IN ('pending', 'failed')`);
    await db.query(`CREATE INDEX ix_delivery_subscription_created ON delivery (subscription_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE delivery_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY,
        delivery_id uuid NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        CONSTRAINT pk_delivery_attempt PRIMARY KEY (id),
        CONSTRAINT fk_delivery_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id),
        CONSTRAINT ck_delivery_attempt_status_code CHECK (status_code BETWEEN 100 AND 599),
        CONSTRAINT ck_delivery_attempt_outcome CHECK (status_code IS NOT NULL OR error IS NOT NULL),
        CONSTRAINT ck_delivery_attempt_error CHECK (length(error) <= 500),
        CONSTRAINT ck_delivery_attempt_duration CHECK (duration_ms >= 0)
      )`);
    await db.query(`CREATE INDEX ix_delivery_attempt_delivery ON delivery_attempt (delivery_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE delivery_attempt`);
    await db.query(`DROP TABLE delivery`);
    await db.query(`DROP TABLE subscription`);
  }
}
