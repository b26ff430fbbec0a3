import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MunicipalityService } from '@keurmerk/accounts';
import { AddressLookupClient } from '@keurmerk/address-lookup';
import { validateAddressKey } from '@keurmerk/common';
import { Web, WebController } from '../web.guard';
import type { SignedInContext } from '../web-context';

/**
 * The location form's address lookup (location-lookup.js): postcode and house number in, street, town
 * and municipality out, as JSON, from the BAG through PDOK Locatieserver. Web-only, for the signed-in
 * landlord; 404 when the lookup is off, the address is unknown or the lookup does not answer in time,
 * and the form simply stays as typed.
 */
@WebController('app/adres', 'verhuurder', 'beheerder')
export class AddressLookupController {
  constructor(
    private readonly lookup: AddressLookupClient,
    private readonly municipalities: MunicipalityService,
  ) {}

  @Get()
  async find(@Web() _web: SignedInContext, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const { value } = validateAddressKey({
      postcode: query.postcode,
      huisnummer: query.huisnummer,
      huisletter: query.huisletter,
      huisnummertoevoeging: query.huisnummertoevoeging,
    });
    const found = value && this.lookup.enabled ? await this.lookup.find(value) : undefined;
    // A code the platform does not know (a municipality merged since the list) is no answer to fill a form with.
    const municipality = found ? await this.municipalities.find(found.municipalityCode) : undefined;
    reply.header('Cache-Control', 'private, no-store');
    if (!found || !municipality) {
      void reply.status(404).header('Content-Type', 'application/json').send({ gevonden: false });
      return;
    }
    void reply.header('Content-Type', 'application/json').send({
      gevonden: true,
      straatnaam: found.street,
      woonplaats: found.city,
      gemeentecode: municipality.code,
      gemeentenaam: municipality.name,
      bagNummeraanduidingId: found.bagId,
    });
  }
}
