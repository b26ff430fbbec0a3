import { Module } from '@nestjs/common';
import { AddressLookupClient } from './address-lookup.client';

/** The BAG address lookup (PDOK Locatieserver); needs the process's APP_CONFIG. */
@Module({ providers: [AddressLookupClient], exports: [AddressLookupClient] })
export class AddressLookupModule {}
