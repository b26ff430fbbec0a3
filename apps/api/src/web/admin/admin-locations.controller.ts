import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AccountService, type OrganisationEntity } from '@keurmerk/accounts';
import { AppErrorCode, AppException, MAX_PAGE_SIZE, POSTCODE_PATTERN, normalisePostcode } from '@keurmerk/common';
import { type AddressClaimEntity, LocationOperationsService, LocationService, MAX_REASON_LENGTH } from '@keurmerk/locations';
import { type FieldErrors, page, redirect, sendPage } from '../layout';
import { addressLine, pageRequest, text, uuidOr404 } from '../shared/page-parts';
import { featureRefusalText } from '../shared/refusal-texts';
import { type SignedInContext } from '../web-context';
import { Web, WebController } from '../web.guard';
import { adminText } from './admin.texts';
import {
  ADMIN_LOCATIONS_PATH,
  adminLocationBody,
  adminLocationPath,
  adminLocationsBody,
  type ClaimForm,
  type ClaimRow,
} from './admin-locations.views';

type Fields = Record<string, unknown>;

/**
 * The beheerder's side of locations after registration: second claims on registered addresses (close
 * with a note, or transfer to the claimant) and the transfer of any location to another landlord. The
 * rules are LocationOperationsService's; this only turns forms into its calls and refusals into pages.
 */
@WebController('app/beheer/locaties', 'beheerder')
export class AdminLocationsController {
  constructor(
    private readonly locations: LocationService,
    private readonly operations: LocationOperationsService,
    private readonly accounts: AccountService,
  ) {}

  @Get()
  async list(@Web() web: SignedInContext, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    await this.sendList(reply, web, { postcode: text(query, 'postcode'), pagina: query.pagina, notice: this.noticeOf(web, query) });
  }

  @Get(':id')
  async show(@Web() web: SignedInContext, @Param('id') id: string, @Query() query: Fields, @Res() reply: FastifyReply): Promise<void> {
    await this.sendLocation(
      reply,
      web,
      uuidOr404(id, 'The location'),
      { organisatieId: '', reden: '' },
      {},
      200,
      undefined,
      this.noticeOf(web, query),
    );
  }

  @Post(':id/overdracht')
  async transfer(
    @Web() web: SignedInContext,
    @Param('id') id: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const locationId = uuidOr404(id, 'The location');
    const values = { organisatieId: text(body, 'organisatieId'), reden: text(body, 'reden') };
    try {
      await this.operations.transfer(web.user.principal, locationId, { organisationId: values.organisatieId, reason: values.reden });
      redirect(reply, `${adminLocationPath(locationId)}?overgedragen=1`);
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.invalidParams) {
        const errors: FieldErrors = {};
        for (const param of error.invalidParams) {
          errors[param.name] ??=
            param.name === 'reden' ? adminText(web).giveAReasonTransfer(MAX_REASON_LENGTH) : adminText(web).chooseANewHolder;
        }
        return this.sendLocation(reply, web, locationId, values, errors, 400, adminText(web).theTransferWasNotMade);
      }
      if (error.code !== AppErrorCode.Conflict) throw error;
      return this.sendLocation(reply, web, locationId, values, {}, 409, featureRefusalText(web.language, error) ?? error.detail);
    }
  }

  @Post('adresclaims/:claimId/afhandeling')
  async resolve(
    @Web() web: SignedInContext,
    @Param('claimId') claimId: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const id = uuidOr404(claimId, 'The address claim');
    const value = text(body, 'toelichting');
    try {
      await this.operations.resolveClaim(web.user.principal, id, value);
      redirect(reply, `${ADMIN_LOCATIONS_PATH}?afgehandeld=1`);
    } catch (error) {
      await this.refusedClaim(reply, web, error, {
        claimId: id,
        form: 'sluiten',
        value,
        error: adminText(web).giveANote(MAX_REASON_LENGTH),
      });
    }
  }

  /** The claimant turned out to be the rightful holder: the location moves to it (the claim is settled by the transfer). */
  @Post('adresclaims/:claimId/overdracht')
  async transferToClaimant(
    @Web() web: SignedInContext,
    @Param('claimId') claimId: string,
    @Body() body: Fields | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const id = uuidOr404(claimId, 'The address claim');
    const value = text(body, 'reden');
    try {
      const claim = await this.operations.claim(web.user.principal, id);
      await this.operations.transfer(web.user.principal, claim.locationId, { organisationId: claim.claimantOrganisationId, reason: value });
      redirect(reply, `${adminLocationPath(claim.locationId)}?overgedragen=1`);
    } catch (error) {
      await this.refusedClaim(reply, web, error, {
        claimId: id,
        form: 'overdragen',
        value,
        error: adminText(web).giveAReasonTransfer(MAX_REASON_LENGTH),
      });
    }
  }

  private async refusedClaim(reply: FastifyReply, web: SignedInContext, error: unknown, form: ClaimForm): Promise<void> {
    if (!(error instanceof AppException)) throw error;
    if (error.invalidParams) return this.sendList(reply, web, { postcode: '', returned: form, status: 400 });
    if (error.code !== AppErrorCode.Conflict) throw error;
    await this.sendList(reply, web, { postcode: '', status: 409, message: featureRefusalText(web.language, error) ?? error.detail });
  }

  private noticeOf(web: SignedInContext, query: Fields): string | undefined {
    if (query.afgehandeld === '1') return adminText(web).theClaimHasBeenClosed;
    if (query.overgedragen === '1') return adminText(web).theLocationHasBeenTransferred;
    return undefined;
  }

  private async sendList(
    reply: FastifyReply,
    web: SignedInContext,
    o: { postcode: string; pagina?: unknown; returned?: ClaimForm; message?: string; status?: number; notice?: string },
  ): Promise<void> {
    const claims = await this.claimRows(web, {});
    const postcode = normalisePostcode(o.postcode);
    const found = POSTCODE_PATTERN.test(postcode)
      ? await this.locations.list(web.user.principal, pageRequest(o.pagina), { postcode })
      : undefined;
    const holders = await this.organisations((found?.items ?? []).map((location) => location.organisationId));
    const body = adminLocationsBody(web, { claims, returned: o.returned, message: o.message, postcode: o.postcode, found, holders });
    sendPage(
      reply,
      web,
      page(web, { title: adminText(web).locationsAndClaims, body, notice: o.notice, styles: ['admin.css'] }),
      o.status ?? 200,
    );
  }

  private async sendLocation(
    reply: FastifyReply,
    web: SignedInContext,
    id: string,
    values: { organisatieId: string; reden: string },
    errors: FieldErrors,
    status = 200,
    message?: string,
    notice?: string,
  ): Promise<void> {
    const location = await this.locations.getVisible(web.user.principal, id);
    const [holders, landlords, claims] = await Promise.all([
      this.organisations([location.organisationId]),
      this.landlords(),
      this.claimRows(web, { locationId: location.id }),
    ]);
    const body = adminLocationBody(web, {
      location,
      holder: holders.get(location.organisationId),
      landlords,
      claims,
      values,
      errors,
      message,
    });
    sendPage(reply, web, page(web, { title: addressLine(location), body, notice, styles: ['admin.css'] }), status);
  }

  private async claimRows(web: SignedInContext, filter: { locationId?: string }): Promise<ClaimRow[]> {
    const claims: AddressClaimEntity[] = (
      await this.operations.claims(web.user.principal, { page: 1, pageSize: MAX_PAGE_SIZE }, { status: 'open', ...filter })
    ).items;
    const locations = await this.locations.visibleByIds(
      web.user.principal,
      claims.map((claim) => claim.locationId),
    );
    const organisations = await this.organisations([
      ...claims.map((claim) => claim.claimantOrganisationId),
      ...[...locations.values()].map((location) => location.organisationId),
    ]);
    return claims.map((claim) => {
      const location = locations.get(claim.locationId);
      return {
        claim,
        location,
        claimant: organisations.get(claim.claimantOrganisationId),
        holder: location ? organisations.get(location.organisationId) : undefined,
      };
    });
  }

  private async organisations(ids: string[]): Promise<Map<string, OrganisationEntity>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.accounts.getOrganisation(id)));
    return new Map(found.map((organisation) => [organisation.id, organisation]));
  }

  /** Every landlord organisation, for the new-holder choice (a few hundred at most: one page each of 100). */
  private async landlords(): Promise<OrganisationEntity[]> {
    const all: OrganisationEntity[] = [];
    for (let number = 1; ; number++) {
      const found = await this.accounts.listOrganisations({ page: number, pageSize: MAX_PAGE_SIZE });
      all.push(...found.items);
      if (all.length >= found.total || found.items.length === 0) break;
    }
    return all.filter((organisation) => organisation.kind === 'verhuurder').sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
}
