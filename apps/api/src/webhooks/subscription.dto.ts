import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, registerDecorator, type ValidationArguments } from 'class-validator';
import { MUNICIPALITY_CODE_PATTERN } from '@keurmerk/accounts';
import {
  AUTH_HEADER_MAX_LENGTH,
  AUTH_HEADER_PATTERN,
  CALLBACK_URL_MAX_LENGTH,
  checkCallbackUrl,
  type DeliveryStatus,
  type DeliveryView,
  type SubscriptionView,
} from '@keurmerk/webhooks';

/**
 * The shape of a callback URL (absolute, http or https, no credentials, no fragment). Whether http
 * is allowed here and where the host resolves are the service's to judge, with the configuration.
 */
function IsCallbackUrl(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'url',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !('problem' in checkCallbackUrl(value, { allowHttp: true })),
        defaultMessage: (args?: ValidationArguments) => {
          const result = typeof args?.value === 'string' ? checkCallbackUrl(args.value, { allowHttp: true }) : undefined;
          return result && 'problem' in result ? result.problem.reason : 'callbackUrl must be an absolute https URL.';
        },
      },
    });
}

export class CreateSubscriptionDto {
  @ApiProperty({
    example: 'https://vergunningen.westland.nl/keurmerk/gebeurtenissen',
    format: 'uri',
    maxLength: CALLBACK_URL_MAX_LENGTH,
    description: 'Where events are POSTed; https.',
  })
  @IsString()
  @MaxLength(CALLBACK_URL_MAX_LENGTH)
  @IsCallbackUrl()
  callbackUrl: string;

  @ApiPropertyOptional({
    example: 'Bearer 6f1c0a7e9b2d4c58',
    maxLength: AUTH_HEADER_MAX_LENGTH,
    description: 'Sent as the Authorization header with every event. Stored for that purpose and never shown again.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(AUTH_HEADER_MAX_LENGTH)
  @Matches(AUTH_HEADER_PATTERN, { message: 'auth must be printable ASCII on one line, without leading or trailing spaces' })
  auth?: string;

  @ApiPropertyOptional({
    example: 'GM1783',
    pattern: MUNICIPALITY_CODE_PATTERN.source,
    description: 'Defaults to the caller’s own municipality; a beheerder must give it.',
  })
  @IsOptional()
  @IsString()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;
}

export class SubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uri', example: 'https://vergunningen.westland.nl/keurmerk/gebeurtenissen' })
  callbackUrl: string;

  @ApiProperty({ example: 'GM1783' })
  gemeentecode: string;

  @ApiProperty({ description: 'Whether an Authorization value is sent with every event (the value itself is never shown).' })
  authIngesteld: boolean;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  static of(subscription: SubscriptionView): SubscriptionDto {
    return {
      id: subscription.id,
      callbackUrl: subscription.callbackUrl,
      gemeentecode: subscription.municipalityCode,
      authIngesteld: subscription.withAuth,
      aangemaaktOp: subscription.createdAt.toISOString(),
    };
  }
}

export class CreatedSubscriptionDto extends SubscriptionDto {
  @ApiProperty({
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    description: 'The Standard Webhooks signing secret for the webhook-signature header. Shown only in this answer.',
  })
  secret: string;
}

const DELIVERY_STATUSES = ['wachtend', 'afgeleverd', 'mislukt', 'opgegeven'] as const;
type DeliveryStatusNl = (typeof DELIVERY_STATUSES)[number];
const STATUS_NL: Record<DeliveryStatus, DeliveryStatusNl> = {
  pending: 'wachtend',
  delivered: 'afgeleverd',
  failed: 'mislukt',
  abandoned: 'opgegeven',
};

export class DeliveryAttemptDto {
  @ApiProperty({ format: 'date-time' })
  tijdstip: string;

  @ApiProperty({ type: Number, nullable: true, example: 503, description: 'The receiver’s HTTP status; null when it did not answer.' })
  statuscode: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'connection refused',
    description: 'Why the attempt failed when there was no answer.',
  })
  fout: string | null;

  @ApiProperty({ example: 42 })
  duurMs: number;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The CloudEvent id (and webhook-id): the same on every attempt.' })
  eventId: string;

  @ApiProperty({ example: 'nl.keurmerk.certificaat-geschorst' })
  type: string;

  @ApiProperty({ type: String, nullable: true, example: 'KM-2026-000123-3', description: 'Null for the test event.' })
  certificaatnummer: string | null;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: '`mislukt` is retried; `opgegeven` no longer is (24 hours passed, or the subscription was deleted).',
  })
  status: DeliveryStatusNl;

  @ApiProperty({ example: 1 })
  aantalPogingen: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  volgendePogingOp: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  afgeleverdOp: string | null;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  @ApiProperty({ type: [DeliveryAttemptDto] })
  pogingen: DeliveryAttemptDto[];

  static of(view: DeliveryView): DeliveryDto {
    const { delivery } = view;
    return {
      id: delivery.id,
      eventId: delivery.eventId,
      type: delivery.eventType,
      certificaatnummer: view.certificateNumber,
      status: STATUS_NL[delivery.status],
      aantalPogingen: delivery.attempts,
      volgendePogingOp: delivery.nextAttemptAt?.toISOString() ?? null,
      afgeleverdOp: delivery.deliveredAt?.toISOString() ?? null,
      aangemaaktOp: delivery.createdAt.toISOString(),
      pogingen: view.attempts.map((a) => ({
        tijdstip: a.attemptedAt.toISOString(),
        statuscode: a.statusCode,
        fout: a.error,
        duurMs: a.durationMs,
      })),
    };
  }
}
