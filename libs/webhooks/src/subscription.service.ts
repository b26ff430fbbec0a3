import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { hasRole, MunicipalityService, municipalityOf, type Principal } from '@keurmerk/accounts';
import { AppException, Clock, Page, PageRequest, pageOffset } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { actorOf, EventLog } from '@keurmerk/events';
import { TEST_EVENT_TYPE, testEvent } from './cloud-event';
import { DeliveryAttemptEntity, DeliveryEntity, OPEN_DELIVERY_STATUSES, SubscriptionEntity } from './webhook.entities';
import { generateWebhookSecret } from './webhook-signature';
import { type SendOutcome, WebhookSender } from './webhook-sender';
import { WebhookTargetPolicy } from './webhook-target.policy';

export interface NewSubscription {
  callbackUrl: string;
  /** The Authorization value the receiver wants to see. */
  auth?: string;
  /** Defaults to the caller's own; a beheerder must name one. */
  municipalityCode?: string;
}

/** A subscription as its managers see it: whether an Authorization value is set, never the value. */
export type SubscriptionView = SubscriptionEntity & { withAuth: boolean };

export interface DeliveryView {
  delivery: DeliveryEntity;
  certificateNumber: string | null;
  attempts: DeliveryAttemptEntity[];
}

/**
 * Subscriptions belong to a municipality: its users and API keys manage them together, a beheerder
 * manages all, anyone else sees none (404). The signing secret is answered once, at creation; the
 * secret and the receiver's Authorization value are never read by anything but the delivery path.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: WebhookTargetPolicy,
    private readonly sender: WebhookSender,
    private readonly municipalities: MunicipalityService,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  /** Sends a signed test event and keeps the subscription only when the receiver answers 2xx. */
  async create(caller: Principal, input: NewSubscription): Promise<{ subscription: SubscriptionView; secret: string }> {
    assertMayManage(caller);
    const own = municipalityOf(caller);
    const municipalityCode = input.municipalityCode ?? own;
    if (!municipalityCode) throw AppException.invalidField('gemeentecode', 'required', 'Name the gemeentecode to subscribe for.');
    if (!(await this.municipalities.exists(municipalityCode))) throw AppException.invalidField('gemeentecode', 'unknown', 'Not a current municipality code.');
    if (!hasRole(caller, 'beheerder') && municipalityCode !== own) throw AppException.forbidden('A municipality can subscribe for its own gemeentecode only.');
    const url = await this.policy.check(input.callbackUrl);
    // Checked before the test event is sent (nobody's receiver is called for a refused request), and again when stored.
    await this.assertUnderCap(this.db.manager, municipalityCode);

    const id = randomUUID();
    const secret = generateWebhookSecret();
    const eventId = randomUUID();
    const event = testEvent({ id: eventId, source: this.config.eventSource, at: this.clock.now(), subscriptionId: id, municipalityCode });
    const outcome = await this.sender.send(url.href, { id: eventId, body: JSON.stringify(event), secret, auth: input.auth });
    if (!outcome.delivered) {
      throw AppException.invalidField(
        'callbackUrl',
        'not-accepted',
        outcome.statusCode !== null
          ? `The test event sent to callbackUrl was answered with HTTP ${outcome.statusCode}${outcome.error ? ` (${outcome.error})` : ''}; a 2xx answer is needed.`
          : `The test event could not be delivered to callbackUrl: ${outcome.error}.`,
      );
    }

    const now = this.clock.now();
    const subscription = await this.store(caller, { id, municipalityCode, url, auth: input.auth, secret, eventId, outcome, now });
    return { subscription: { ...subscription, withAuth: Boolean(input.auth) }, secret };
  }

  /** Each status change is sent to every subscription of its municipality: their number is capped (409 above it). */
  private async assertUnderCap(manager: EntityManager, municipalityCode: string): Promise<void> {
    const [{ n }] = (await manager.query('SELECT count(*)::int AS n FROM subscription WHERE municipality_code = $1 AND deleted_at IS NULL', [
      municipalityCode,
    ])) as { n: number }[];
    const cap = this.config.municipalLimits.subscriptions;
    if (n >= cap) {
      throw AppException.conflict(
        `${municipalityCode} already has ${n} subscriptions, the most one municipality may hold (${cap}). Remove one it no longer uses (DELETE /v1/abonnementen/{id}) first.`,
      );
    }
  }

  private async store(
    caller: Principal,
    input: { id: string; municipalityCode: string; url: URL; auth?: string; secret: string; eventId: string; outcome: SendOutcome; now: Date },
  ): Promise<SubscriptionEntity> {
    const { id, municipalityCode, url, secret, eventId, outcome, now } = input;
    try {
      return await this.db.transaction(async (manager) => {
        // Counted under a per-municipality lock, so parallel requests cannot pass the cap together.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('subscription:' || $1, 0))`, [municipalityCode]);
        await this.assertUnderCap(manager, municipalityCode);
        const [feed] = (await manager.query(`SELECT COALESCE(max(id), 0)::text AS id FROM certificate_status_change`)) as { id: string }[];
        const actor = actorOf(caller);
        const created: SubscriptionEntity = {
          id,
          municipalityCode,
          callbackUrl: url.href,
          authHeader: input.auth ?? null,
          secret,
          createdByKind: actor.kind as 'person' | 'api-key',
          createdById: actor.id,
          createdAt: now,
          deletedAt: null,
          feedStartId: feed.id,
        };
        await manager.insert(SubscriptionEntity, created);
        const deliveryId = randomUUID();
        await manager.insert(DeliveryEntity, {
          id: deliveryId,
          subscriptionId: id,
          statusChangeId: null,
          eventId,
          eventType: TEST_EVENT_TYPE,
          status: 'delivered',
          attempts: 1,
          nextAttemptAt: null,
          firstAttemptAt: outcome.attemptedAt,
          lastAttemptAt: outcome.attemptedAt,
          lastStatusCode: outcome.statusCode,
          lastError: null,
          deliveredAt: now,
          createdAt: outcome.attemptedAt,
        });
        await manager.insert(DeliveryAttemptEntity, { deliveryId, attemptedAt: outcome.attemptedAt, statusCode: outcome.statusCode, error: null, durationMs: outcome.durationMs });
        // The URL's host only: a path or query may carry the receiver's own tokens.
        await this.events.append(manager, { actor, entityType: 'subscription', entityId: id, action: 'created', after: { municipalityCode, callbackHost: url.host, withAuth: Boolean(input.auth) } });
        return created;
      });
    } catch (error) {
      if (error instanceof AppException) throw error;
      // A driver error carries the statement's parameters, the secret and the receiver's credential
      // among them, and a 500 is logged with its error: only the code goes on.
      const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      throw new Error(`storing subscription ${id} failed${code ? ` (${code})` : ''}`);
    }
  }

  async list(caller: Principal, request: PageRequest): Promise<Page<SubscriptionView>> {
    assertMayManage(caller);
    const scope = scopeOf(caller);
    const [items, total] = await this.db.manager.findAndCount(SubscriptionEntity, {
      where: { deletedAt: IsNull(), ...(scope ? { municipalityCode: scope } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items: await this.withAuthFlags(items), total, ...request };
  }

  async get(caller: Principal, id: string): Promise<SubscriptionView> {
    const [view] = await this.withAuthFlags([await this.find(caller, id)]);
    return view;
  }

  private async withAuthFlags(items: SubscriptionEntity[]): Promise<SubscriptionView[]> {
    if (items.length === 0) return [];
    const rows = (await this.db.query(`SELECT id FROM subscription WHERE id = ANY($1::uuid[]) AND auth_header IS NOT NULL`, [items.map((i) => i.id)])) as { id: string }[];
    const withAuth = new Set(rows.map((r) => r.id));
    return items.map((item) => ({ ...item, withAuth: withAuth.has(item.id) }));
  }

  private async find(caller: Principal, id: string): Promise<SubscriptionEntity> {
    assertMayManage(caller);
    const subscription = await this.db.manager.findOneBy(SubscriptionEntity, { id, deletedAt: IsNull() });
    const scope = scopeOf(caller);
    if (!subscription || (scope && subscription.municipalityCode !== scope)) throw AppException.notFound('The subscription');
    return subscription;
  }

  /** Stops deliveries at once: what was still waiting is abandoned; the rows stay, for the record. */
  async remove(caller: Principal, id: string): Promise<void> {
    const subscription = await this.find(caller, id);
    await this.db.transaction(async (manager) => {
      const now = this.clock.now();
      await manager.update(SubscriptionEntity, { id: subscription.id }, { deletedAt: now });
      await manager.update(
        DeliveryEntity,
        { subscriptionId: subscription.id, status: In(OPEN_DELIVERY_STATUSES) },
        { status: 'abandoned', nextAttemptAt: null, lastError: 'subscription deleted' },
      );
      await this.events.append(manager, { actor: actorOf(caller), entityType: 'subscription', entityId: subscription.id, action: 'deleted', before: { deletedAt: null } });
    });
  }

  /** The deliveries of one subscription, newest first, each with its attempts. */
  async deliveries(caller: Principal, id: string, request: PageRequest): Promise<Page<DeliveryView>> {
    const subscription = await this.find(caller, id);
    const [deliveries, total] = await this.db.manager.findAndCount(DeliveryEntity, {
      where: { subscriptionId: subscription.id },
      order: { createdAt: 'DESC', statusChangeId: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    const changeIds = deliveries.map((d) => d.statusChangeId).filter((c): c is string => c !== null);
    const numbers = new Map<string, string>();
    if (changeIds.length > 0) {
      const rows = (await this.db.query(`SELECT id::text AS id, certificate_number FROM certificate_status_change WHERE id = ANY($1::bigint[])`, [changeIds])) as { id: string; certificate_number: string }[];
      for (const row of rows) numbers.set(row.id, row.certificate_number);
    }
    const attempts = deliveries.length === 0 ? [] : await this.db.manager.find(DeliveryAttemptEntity, { where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { id: 'ASC' } });
    const items = deliveries.map((delivery) => ({
      delivery,
      certificateNumber: delivery.statusChangeId ? (numbers.get(delivery.statusChangeId) ?? null) : null,
      attempts: attempts.filter((a) => a.deliveryId === delivery.id),
    }));
    return { items, total, ...request };
  }
}

function assertMayManage(caller: Principal): void {
  if (caller.kind === 'person' && caller.role !== 'beheerder' && caller.role !== 'gemeente') throw AppException.forbidden();
}

/** The municipality whose subscriptions the caller manages, or undefined for the beheerder (all). */
function scopeOf(caller: Principal): string | undefined {
  if (hasRole(caller, 'beheerder')) return undefined;
  return municipalityOf(caller) ?? '-';
}
