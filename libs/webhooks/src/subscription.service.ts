import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, MunicipalityService, municipalityOf, type Principal } from '@keurmerk/accounts';
import { AppException, Clock, Page, PageRequest } from '@keurmerk/common';
import { type AppConfig, APP_CONFIG } from '@keurmerk/config';
import { actorOf, EventLog } from '@keurmerk/events';
import { TEST_EVENT_TYPE, testEvent } from './cloud-event';
import { DeliveryRepository } from './delivery.repository';
import { SubscriptionRepository } from './subscription.repository';
import { DeliveryAttemptEntity, DeliveryEntity, SubscriptionEntity } from './webhook.entities';
import { WebhookException, WebhookExceptionCode } from './webhook.exception';
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
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveryRows: DeliveryRepository,
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
    if (!(await this.municipalities.exists(municipalityCode)))
      throw AppException.invalidField('gemeentecode', 'unknown', 'Not a current municipality code.');
    if (!hasRole(caller, 'beheerder') && municipalityCode !== own) {
      throw new WebhookException(
        WebhookExceptionCode.SubscriptionOtherMunicipality,
        'A municipality can subscribe for its own gemeentecode only.',
      );
    }
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
          ? `The test event sent to callbackUrl was answered with HTTP ${outcome.statusCode}${
              outcome.error ? ` (${outcome.error})` : ''
            }; a 2xx answer is needed.`
          : `The test event could not be delivered to callbackUrl: ${outcome.error}.`,
      );
    }

    const now = this.clock.now();
    const subscription = await this.store(caller, { id, municipalityCode, url, auth: input.auth, secret, eventId, outcome, now });
    return { subscription: { ...subscription, withAuth: Boolean(input.auth) }, secret };
  }

  /** Each status change is sent to every subscription of its municipality: their number is capped (409 above it). */
  private async assertUnderCap(manager: EntityManager, municipalityCode: string): Promise<void> {
    const n = await this.subscriptions.countActive(manager, municipalityCode);
    const cap = this.config.municipalLimits.subscriptions;
    if (n >= cap) {
      throw new WebhookException(
        WebhookExceptionCode.SubscriptionCapReached,
        `${municipalityCode} already has ${n} subscriptions, the most one municipality may hold (${cap}). ` +
          'Remove one it no longer uses (DELETE /v1/abonnementen/{id}) first.',
      );
    }
  }

  private async store(
    caller: Principal,
    input: {
      id: string;
      municipalityCode: string;
      url: URL;
      auth?: string;
      secret: string;
      eventId: string;
      outcome: SendOutcome;
      now: Date;
    },
  ): Promise<SubscriptionEntity> {
    const { id, municipalityCode, url, secret, eventId, outcome, now } = input;
    try {
      return await this.db.transaction(async (manager) => {
        // Counted under a per-municipality lock, so parallel requests cannot pass the cap together.
        await this.subscriptions.lockMunicipality(manager, municipalityCode);
        await this.assertUnderCap(manager, municipalityCode);
        const feedStartId = await this.subscriptions.feedPosition(manager);
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
          feedStartId,
        };
        await this.subscriptions.insert(manager, created);
        const deliveryId = randomUUID();
        const delivery: DeliveryEntity = {
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
        };
        const attempt: Omit<DeliveryAttemptEntity, 'id'> = {
          deliveryId,
          attemptedAt: outcome.attemptedAt,
          statusCode: outcome.statusCode,
          error: null,
          durationMs: outcome.durationMs,
        };
        await this.deliveryRows.insertDelivered(manager, delivery, attempt);
        // The URL's host only: a path or query may carry the receiver's own tokens.
        await this.events.append(manager, {
          actor,
          entityType: 'subscription',
          entityId: id,
          action: 'created',
          after: { municipalityCode, callbackHost: url.host, withAuth: Boolean(input.auth) },
        });
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
    const page = await this.subscriptions.page(request, scopeOf(caller));
    return { ...page, items: await this.withAuthFlags(page.items) };
  }

  async get(caller: Principal, id: string): Promise<SubscriptionView> {
    const [view] = await this.withAuthFlags([await this.find(caller, id)]);
    return view;
  }

  private async withAuthFlags(items: SubscriptionEntity[]): Promise<SubscriptionView[]> {
    const withAuth = await this.subscriptions.withAuth(items.map((i) => i.id));
    return items.map((item) => ({ ...item, withAuth: withAuth.has(item.id) }));
  }

  private async find(caller: Principal, id: string): Promise<SubscriptionEntity> {
    assertMayManage(caller);
    const subscription = await this.subscriptions.findActive(id);
    const scope = scopeOf(caller);
    if (!subscription || (scope && subscription.municipalityCode !== scope)) {
      throw new WebhookException(WebhookExceptionCode.SubscriptionNotFound, 'The subscription was not found.');
    }
    return subscription;
  }

  /** Stops deliveries at once: what was still waiting is abandoned; the rows stay, for the record. */
  async remove(caller: Principal, id: string): Promise<void> {
    const subscription = await this.find(caller, id);
    await this.db.transaction(async (manager) => {
      const now = this.clock.now();
      await this.subscriptions.markDeleted(manager, subscription.id, now);
      await this.deliveryRows.abandonOpen(manager, subscription.id, 'subscription deleted');
      await this.events.append(manager, {
        actor: actorOf(caller),
        entityType: 'subscription',
        entityId: subscription.id,
        action: 'deleted',
        before: { deletedAt: null },
      });
    });
  }

  /** The deliveries of one subscription, newest first, each with its attempts. */
  async deliveries(caller: Principal, id: string, request: PageRequest): Promise<Page<DeliveryView>> {
    const subscription = await this.find(caller, id);
    const page = await this.deliveryRows.page(subscription.id, request);
    const deliveries = page.items;
    const changeIds = deliveries.map((d) => d.statusChangeId).filter((c): c is string => c !== null);
    const numbers = await this.deliveryRows.certificateNumbers(changeIds);
    const attempts = await this.deliveryRows.attempts(deliveries.map((d) => d.id));
    const items = deliveries.map((delivery) => ({
      delivery,
      certificateNumber: delivery.statusChangeId ? (numbers.get(delivery.statusChangeId) ?? null) : null,
      attempts: attempts.filter((a) => a.deliveryId === delivery.id),
    }));
    return { ...page, items };
  }
}

function assertMayManage(caller: Principal): void {
  if (caller.kind === 'person' && caller.role !== 'beheerder' && caller.role !== 'gemeente') {
    throw new WebhookException(WebhookExceptionCode.NotAManager, 'You are not allowed to do this.');
  }
}

/** The municipality whose subscriptions the caller manages, or undefined for the beheerder (all). */
function scopeOf(caller: Principal): string | undefined {
  if (hasRole(caller, 'beheerder')) return undefined;
  return municipalityOf(caller) ?? '-';
}
