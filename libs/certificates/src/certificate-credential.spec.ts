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
      // Dutch calendar days: from midnight in Amsterdam (23:00 UTC in winter) on the first day,
      // through the last day: the credential expires at the start of the next.
      nbf: Date.parse('2026-11-30T23:00:00Z') / 1000,
      exp: Date.parse('2027-11-30T23:00:00Z') / 1000,
      vc: {
        credentialSubject: { id: 'https://keurmerk.example/v1/certificaten/KM-2026-000123-3', status, pdfSha256: 'a'.repeat(64) },
        credentialStatus: { id: 'https://keurmerk.example/v1/certificaten/KM-2026-000123-3', type: CREDENTIAL_STATUS_TYPE },
      },
    });
  });

  it('is valid from midnight in Amsterdam, in summer time too, so it is never "not yet valid" on its first Dutch day', () => {
    const summer = { ...certificate, validFrom: '2027-06-01', validUntil: '2028-05-31' };
    const payload = credentialPayload(summer, {
      status: 'geldig',
      pdfSha256: 'a'.repeat(64),
      signedAt: new Date('2027-05-31T22:30:00Z'), // 00:30 on 1 June in Amsterdam
      publicBaseUrl: 'https://keurmerk.example',
    }) as { iat: number; nbf: number; exp: number };
    expect(payload.nbf).toBe(Date.parse('2027-05-31T22:00:00Z') / 1000);
    expect(payload.nbf).toBeLessThanOrEqual(payload.iat);
    expect(payload.exp).toBe(Date.parse('2028-05-31T22:00:00Z') / 1000);
  });
});
