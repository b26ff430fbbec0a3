import { credentialPayload, CREDENTIAL_STATUS_TYPE } from './certificate-issuer';

describe('the credential the issuer signs', () => {
  const certificate = {
    number: 'KM-2026-000123-3',
    validFrom: '2026-12-01',
    validUntil: '2027-11-30',
    maximumResidents: 11,
    municipalityCode: 'GM1783',
    normVersion: '2026.1',
    content: {
      certificateNumber: 'KM-2026-000123-3',
      holderName: 'Verhuur B.V.',
      holderKvkNumber: '12345678',
      address: { street: 'Tuinbouwweg', houseNumber: 1, postcode: '2671AB', city: 'Naaldwijk' },
      municipalityName: 'Westland',
      maximumResidents: 11,
      validFrom: '2026-12-01',
      validUntil: '2027-11-30',
      normVersion: '2026.1',
      issuedOn: '2026-12-01',
      verifyUrl: 'https://keurmerk.example/controleer/KM-2026-000123-3',
    },
  };

  it.each(['geldig', 'geschorst'] as const)('carries the status it is signed with (%s) and points at the live status', (status) => {
    const payload = credentialPayload(certificate, {
      status,
      pdfSha256: 'a'.repeat(64),
      signedAt: new Date('2026-12-01T10:00:00Z'),
      publicBaseUrl: 'https://keurmerk.example',
    });
    expect(payload).toMatchObject({
      iss: 'https://keurmerk.example',
      sub: certificate.number,
      iat: Date.parse('2026-12-01T10:00:00Z') / 1000,
      nbf: Date.parse('2026-12-01T00:00:00Z') / 1000,
      // Valid through its last day: the credential expires at the start of the next.
      exp: Date.parse('2027-12-01T00:00:00Z') / 1000,
      vc: {
        credentialSubject: { id: 'https://keurmerk.example/v1/certificaten/KM-2026-000123-3', status, pdfSha256: 'a'.repeat(64) },
        credentialStatus: { id: 'https://keurmerk.example/v1/certificaten/KM-2026-000123-3', type: CREDENTIAL_STATUS_TYPE },
      },
    });
  });
});
