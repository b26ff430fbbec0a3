import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { CERTIFICATE_CHANGED_CHANNEL } from '@keurmerk/certificates';
import { RUNTIME, type Runtime } from '@keurmerk/runtime';
import { VerificationCache } from './verification-cache';

/**
 * Listens for certificate changes (pg_notify at commit) and evicts them from this process's cache.
 * On PostgreSQL it holds a connection of its own; on PGlite, whose single session receives its own
 * notifications, it listens on the application's one connection. While not listening, the cache is
 * bypassed, so an answer is never staler than the database.
 */
@Injectable()
export class CertificateChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('verification');
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: VerificationCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.runtime.database.embedded) await this.listenOnPool();
    else await this.connect();
  }

  private onNotification = (message: pg.Notification): void => {
    if (message.channel === CERTIFICATE_CHANGED_CHANNEL && message.payload) this.cache.evictAnnounced(message.payload);
  };

  /** PGlite: the pool has one client; every (re)connected client LISTENs and reports here. */
  private async listenOnPool(): Promise<void> {
    const pool = (this.db.driver as unknown as { master: pg.Pool }).master;
    const attach = (client: pg.PoolClient | pg.Client) => {
      client.on('notification', this.onNotification);
      client.on('end', () => this.cache.setListening(false));
    };
    pool.on('connect', (client) => {
      attach(client);
      void client.query(`LISTEN ${CERTIFICATE_CHANGED_CHANNEL}`).then(
        () => this.cache.setListening(true),
        () => this.cache.setListening(false),
      );
    });
    const client = await pool.connect();
    try {
      attach(client);
      await client.query(`LISTEN ${CERTIFICATE_CHANGED_CHANNEL}`);
      this.cache.setListening(true);
    } finally {
      client.release();
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.runtime.config.database.readOnlyUrl ?? this.runtime.database.url,
      application_name: 'keurmerk-listen',
    });
    client.on('notification', this.onNotification);
    client.on('error', () => undefined);
    client.on('end', () => {
      this.cache.setListening(false);
      if (!this.stopped) this.retry = setTimeout(() => void this.connect(), 1000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CERTIFICATE_CHANGED_CHANNEL}`);
      this.client = client;
      // Whatever changed while nobody listened is unknown: start from an empty cache.
      this.cache.clear();
      this.cache.setListening(true);
    } catch (error) {
      this.logger.warn(`cannot listen for certificate changes (${(error as Error).message}); answering without cache, retrying`);
      await client.end().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cache.setListening(false);
    await this.client?.end().catch(() => undefined);
  }
}
