import { Body, Controller, Get, Headers, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AddressLookup, AppException, Clock, InvalidParam, validateAddressKey } from '@keurmerk/common';
import { ComplaintService, normaliseComplaintReference } from '@keurmerk/complaints';
import { PUBLIC_ACTOR } from '@keurmerk/events';
import { VerificationService } from '@keurmerk/verification';
import { ComplaintRateLimiter } from '../complaints/complaint-rate-limiter';
import { parseComplaintInput } from '../complaints/complaint-input';
import { Access } from '../http/access';
import { clientKey, RateLimitedException } from '../http/rate-limiter';
import { parseVerificationRequest } from '../verification/verification-input';
import { ComplaintFormProtection } from './complaint-form.protection';
import { RESIDENT_ASSETS } from './resident.assets';
import { ResidentErrorFilter } from './resident-error.filter';
import { chooseLanguage } from './resident-language';
import {
  addressLookupText,
  type ComplaintFormState,
  type ComplaintTarget,
  type FieldErrors,
  invalidNumberPage,
  type PageContext,
  pageHref,
  progressPage,
  receiptPage,
  searchPage,
  type SearchValues,
  statusPage,
  textsOf,
} from './resident.templates';

type Fields = Record<string, unknown>;

const ADDRESS_FIELDS = ['postcode', 'huisnummer', 'huisletter', 'huisnummertoevoeging'] as const;

/** One value of a query or form field; a repeated field counts by its first value. */
function first(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** What a resident types: `km 2026 000123 3` or `KM–2026–000123–3` is `KM-2026-000123-3`. */
export function normaliseNumberInput(input: string): string {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
  const match = /^KM-?(\d{4})-?(\d{6})-?(\d)$/.exec(compact);
  return match ? `KM-${match[1]}-${match[2]}-${match[3]}` : input.trim();
}

type Subject = { kind: 'number'; number: string } | { kind: 'address'; address: AddressLookup };

function addressParams(address: AddressLookup): Record<string, string | undefined> {
  return {
    postcode: address.postcode,
    huisnummer: String(address.houseNumber),
    huisletter: address.houseLetter,
    huisnummertoevoeging: address.houseNumberAddition,
  };
}

function subjectPath(subject: Subject): { path: string; query: URLSearchParams } {
  if (subject.kind === 'number') return { path: `/controleer/${subject.number}`, query: new URLSearchParams() };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(addressParams(subject.address))) if (value) query.set(key, value);
  return { path: '/controleer', query };
}

/** The number or address a complaint form names, checked as the verification checks it. */
function subjectOf(input: Fields): { subject?: Subject; problems: InvalidParam[] } {
  if (typeof input.certificaatnummer === 'string') {
    const { problems } = parseVerificationRequest({ certificaatnummer: input.certificaatnummer });
    return problems.length > 0 ? { problems } : { subject: { kind: 'number', number: input.certificaatnummer }, problems };
  }
  const { value, problems } = validateAddressKey((input.adres ?? {}) as Fields, 'adres.');
  return value ? { subject: { kind: 'address', address: value }, problems } : { problems };
}

function send(reply: FastifyReply, status: number, context: PageContext, markup: string): void {
  reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    // A suspension must show at once: nothing on these pages may be kept by a browser or a proxy.
    .header('Cache-Control', 'no-store')
    .header('Content-Language', context.language)
    .header('Vary', 'Accept-Language')
    .send(markup);
}

/**
 * The residents' page, reached from the QR code on the information card: server-rendered HTML in
 * the resident's language, answering from the same VerificationService as GET /v1/verificaties and
 * taking complaints through the same ComplaintService (and rate limit) as POST /v1/meldingen.
 */
@Controller('controleer')
@UseFilters(ResidentErrorFilter)
export class ResidentController {
  constructor(
    private readonly verification: VerificationService,
    private readonly complaints: ComplaintService,
    private readonly limiter: ComplaintRateLimiter,
    private readonly clock: Clock,
    private readonly formProtection: ComplaintFormProtection,
  ) {}

  private context(
    request: FastifyRequest,
    reply: FastifyReply,
    taal: unknown,
    acceptLanguage: string | undefined,
    page?: { path: string; query: URLSearchParams },
  ): PageContext {
    const { language, explicit } = chooseLanguage(first(taal), acceptLanguage);
    const url = new URL(request.url, 'http://resident.invalid');
    const query = page?.query ?? url.searchParams;
    query.delete('taal');
    return {
      language,
      explicit,
      path: page?.path ?? url.pathname,
      query,
      now: this.clock.now(),
      formToken: this.formProtection.tokenFor(request, reply),
    };
  }

  /** The search form; with `certificaatnummer` it goes to that number's page, with an address it answers for the address. */
  @Get()
  @Access('anyone')
  @ApiExcludeEndpoint()
  async search(
    @Query() query: Fields,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = this.context(request, reply, query.taal, acceptLanguage);
    const t = textsOf(context);
    const values: SearchValues = {};
    for (const name of ['certificaatnummer', ...ADDRESS_FIELDS] as const) values[name] = first(query[name]);

    if (values.certificaatnummer !== undefined) {
      const number = normaliseNumberInput(values.certificaatnummer);
      if (number === '') return send(reply, 400, context, searchPage(context, values, { certificaatnummer: t.errorNumberMissing }));
      if (parseVerificationRequest({ certificaatnummer: number }).problems.length > 0) {
        return send(reply, 400, context, searchPage(context, values, { certificaatnummer: t.errorNumber }));
      }
      reply
        .status(303)
        .header('Location', pageHref(context, `/controleer/${number}`))
        .header('Cache-Control', 'no-store')
        .send();
      return;
    }

    if (ADDRESS_FIELDS.some((name) => values[name] !== undefined)) {
      const { value, problems } = validateAddressKey({
        postcode: values.postcode,
        huisnummer: values.huisnummer?.trim(),
        huisletter: values.huisletter?.trim(),
        huisnummertoevoeging: values.huisnummertoevoeging?.trim(),
      });
      if (!value) return send(reply, 400, context, searchPage(context, values, this.fieldErrors(context, problems)));
      const { status, markup } = await this.answer(context, { kind: 'address', address: value });
      return send(reply, status, context, markup);
    }

    send(reply, 200, context, searchPage(context));
  }

  /**
   * A complaint's progress by the reference its sender was given (status and date, nothing else).
   * Rate limited as every public route; an unknown reference is a friendly 404 with the form again.
   */
  @Get('melding')
  @Access('anyone')
  @ApiExcludeEndpoint()
  async progress(
    @Query() query: Fields,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = this.context(request, reply, query.taal, acceptLanguage);
    const given = (first(query.referentie) ?? '').slice(0, 40);
    const reference = normaliseComplaintReference(given);
    if (!reference) {
      const errors = { referentie: textsOf(context).errorReference };
      return send(reply, 400, context, searchPage(context, { referentie: given }, errors));
    }
    const progress = await this.complaints.progress(reference);
    send(reply, progress ? 200 : 404, context, progressPage(context, reference, progress));
  }

  /** The page the QR code opens. A number with a wrong check digit is a friendly 400; an unknown one a 404 that still takes a complaint. */
  @Get(':nummer')
  @Access('anyone')
  @ApiExcludeEndpoint()
  async certificate(
    @Param('nummer') given: string,
    @Query('taal') taal: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = this.context(request, reply, taal, acceptLanguage);
    const number = normaliseNumberInput(given);
    if (parseVerificationRequest({ certificaatnummer: number }).problems.length > 0) {
      return send(reply, 400, context, invalidNumberPage(context, given));
    }
    const { status, markup } = await this.answer(context, { kind: 'number', number });
    send(reply, status, context, markup);
  }

  /**
   * The complaint form without JavaScript: the same parsing, rate limit and service as
   * POST /v1/meldingen, answered with a page that shows the reference.
   */
  @Post('melding')
  @Access('anyone')
  @ApiExcludeEndpoint()
  async complain(
    @Body() body: Fields | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = body ?? {};
    const field = (name: string) => first(form[name])?.trim() ?? '';
    const description = first(form.omschrijving) ?? '';
    const number = field('certificaatnummer');
    const subjectInput: Fields = number
      ? { certificaatnummer: normaliseNumberInput(number) }
      : { adres: Object.fromEntries(ADDRESS_FIELDS.map((name) => [name, field(name)] as const).filter(([, value]) => value !== '')) };
    const { subject, problems: subjectProblems } = subjectOf(subjectInput);
    const context = this.context(
      request,
      reply,
      form.taal,
      acceptLanguage,
      subject ? subjectPath(subject) : { path: '/controleer', query: new URLSearchParams() },
    );
    const t = textsOf(context);
    if (!subject) {
      // Only a tampered form gets here: the page always sends a checked number or address.
      return send(
        reply,
        400,
        context,
        searchPage(context, { certificaatnummer: number || undefined }, this.fieldErrors(context, subjectProblems)),
      );
    }
    // Posted from another site, or without this page's token: nothing is stored. The page comes
    // back with a fresh token, so a resident whose token lapsed only has to send again.
    if (!this.formProtection.accepts(request, form.formulier)) {
      const { markup } = await this.answer(context, subject, { description, formError: t.errorSendFailed });
      return send(reply, 403, context, markup);
    }

    const { input, problems } = parseComplaintInput({ ...subjectInput, omschrijving: description, taal: context.language });
    if (!input) {
      const tooLong = problems.some((p) => p.name === 'omschrijving' && p.code === 'max-length');
      const { markup } = await this.answer(context, subject, {
        description,
        error: tooLong ? t.errorDescriptionTooLong : t.errorDescription,
      });
      return send(reply, 400, context, markup);
    }

    try {
      this.limiter.take(clientKey(request));
    } catch (error) {
      if (!(error instanceof RateLimitedException)) throw error;
      const minutes = String(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
      const { markup } = await this.answer(context, subject, { description, formError: t.errorTooMany(minutes) });
      reply.header('Retry-After', String(error.retryAfterSeconds));
      return send(reply, 429, context, markup);
    }

    const complaint = await this.complaints.submit(input, PUBLIC_ACTOR);
    const back =
      subject.kind === 'number'
        ? pageHref(context, `/controleer/${subject.number}`)
        : pageHref(context, '/controleer', addressParams(subject.address));
    send(reply, 201, context, receiptPage(context, complaint.reference, back));
  }

  @Get('assets/:name')
  @Access('anyone')
  @ApiExcludeEndpoint()
  asset(@Param('name') name: string, @Res() reply: FastifyReply): FastifyReply {
    const asset = RESIDENT_ASSETS.find(name);
    if (!asset) throw AppException.notFound('The file');
    return RESIDENT_ASSETS.send(reply, asset);
  }

  /** The verdict page for a number or an address, with its complaint form. */
  private async answer(
    context: PageContext,
    subject: Subject,
    complaint?: ComplaintFormState,
  ): Promise<{ status: number; markup: string }> {
    const verdict = await this.verification.verify(subject.kind === 'number' ? { certificateNumber: subject.number } : subject.address);
    const certificate = verdict.certificate;
    // A complaint about a found certificate names it; otherwise it names what the resident gave (kept, and flagged, even if unknown).
    const target: ComplaintTarget = certificate
      ? { certificateNumber: certificate.number }
      : subject.kind === 'number'
        ? { certificateNumber: subject.number }
        : { address: subject.address };
    const subjectText = subject.kind === 'number' ? subject.number : addressLookupText(subject.address);
    const markup = statusPage(context, { certificate, subject: subjectText, target, complaint });
    // An unknown number is "not found"; an address search that finds nothing is still an answer.
    return { status: !certificate && subject.kind === 'number' ? 404 : 200, markup };
  }

  private fieldErrors(context: PageContext, problems: InvalidParam[]): FieldErrors {
    const t = textsOf(context);
    const messages: Record<keyof FieldErrors, string> = {
      certificaatnummer: t.errorNumber,
      postcode: t.errorPostcode,
      huisnummer: t.errorHouseNumber,
      huisletter: t.errorHouseLetter,
      huisnummertoevoeging: t.errorAddition,
      referentie: t.errorReference,
    };
    const errors: FieldErrors = {};
    for (const problem of problems) {
      const name = problem.name.replace(/^adres\./, '') as keyof FieldErrors;
      if (name in messages) errors[name] = messages[name];
    }
    return errors;
  }
}
