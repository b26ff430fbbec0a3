import type { CertificateDocumentData } from '@keurmerk/certificate-pdf';
import { type ContractAddress, contractAddress } from '@keurmerk/common';

export const TEST_EVENT_TYPE = 'nl.keurmerk.test';
export const CLOUD_EVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** A CloudEvent 1.0 in structured JSON mode, as the NL GOV profile uses it. */
export interface CloudEvent<T> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataref?: string;
  data: T;
}

export interface CertificateEventData {
  certificaatnummer: string;
  status: string;
  gemeentecode: string;
  adres: ContractAddress;
  maximaalAantalBewoners: number;
  geldigTot: string;
  /** On `certificaat-vervangen`: the certificate that replaced this one. */
  vervangenDoor?: string;
}

export function certificateEvent(input: {
  id: string;
  type: string;
  publicBaseUrl: string;
  /** `urn:nld:oin:<OIN>:systeem:keurmerk` (NL GOV profile), from configuration (AppConfig.eventSource). */
  source: string;
  occurredAt: Date;
  certificateNumber: string;
  status: string;
  municipalityCode: string;
  address: CertificateDocumentData['address'];
  maximumResidents: number;
  validUntil: string;
  supersededBy?: string | null;
}): CloudEvent<CertificateEventData> {
  const { address } = input;
  return {
    specversion: '1.0',
    id: input.id,
    source: input.source,
    type: input.type,
    time: input.occurredAt.toISOString(),
    subject: input.certificateNumber,
    datacontenttype: 'application/json',
    dataref: `${input.publicBaseUrl}/v1/certificaten/${input.certificateNumber}`,
    data: {
      certificaatnummer: input.certificateNumber,
      status: input.status,
      gemeentecode: input.municipalityCode,
      adres: contractAddress(address),
      maximaalAantalBewoners: input.maximumResidents,
      geldigTot: input.validUntil,
      ...(input.supersededBy ? { vervangenDoor: input.supersededBy } : {}),
    },
  };
}

/** The event sent once when a subscription is made, to prove the receiver answers and checks signatures. */
export function testEvent(input: {
  id: string;
  source: string;
  at: Date;
  subscriptionId: string;
  municipalityCode: string;
}): CloudEvent<{ abonnementId: string; gemeentecode: string }> {
  return {
    specversion: '1.0',
    id: input.id,
    source: input.source,
    type: TEST_EVENT_TYPE,
    time: input.at.toISOString(),
    subject: input.subscriptionId,
    datacontenttype: 'application/json',
    data: { abonnementId: input.subscriptionId, gemeentecode: input.municipalityCode },
  };
}
