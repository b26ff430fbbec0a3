/** The address of the certified location, in the fields of the Dutch BAG address model. */
export interface CertificateAddress {
  street: string;
  houseNumber: number;
  houseLetter?: string;
  houseNumberAddition?: string;
  /** `1234AB`; printed as `1234 AB`. */
  postcode: string;
  city: string;
}

/** Everything printed on a certificate. Dates are calendar dates `YYYY-MM-DD`. */
export interface CertificateDocumentData {
  /** `KM-<year>-<6 digits>-<check digit>`, e.g. `KM-2026-000123-4`. */
  certificateNumber: string;
  holderName: string;
  /** Eight digits. */
  holderKvkNumber: string;
  address: CertificateAddress;
  municipalityName: string;
  maximumResidents: number;
  validFrom: string;
  validUntil: string;
  normVersion: string;
  issuedOn: string;
  /** The QR target: `<PUBLIC_BASE_URL>/controleer/<nummer>`. */
  verifyUrl: string;
}

export class CertificateDocumentDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Certificate document data is invalid: ${problems.join('; ')}`);
    this.name = 'CertificateDocumentDataError';
  }
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CERTIFICATE_NUMBER_PATTERN = /^KM-\d{4}-\d{6}-\d$/;
const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isFilledText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;
}

/**
 * The renderer refuses data that would print a misleading certificate (an empty holder, an impossible
 * date, a validity that ends before it starts) instead of drawing whatever it was given: a printed
 * certificate is hard to take back. Upstream validation is not assumed.
 */
export function assertValidCertificateDocumentData(data: CertificateDocumentData): void {
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null) {
    throw new CertificateDocumentDataError(['data must be an object']);
  }
  if (typeof data.certificateNumber !== 'string' || !CERTIFICATE_NUMBER_PATTERN.test(data.certificateNumber)) {
    problems.push('certificateNumber must look like KM-2026-000123-4');
  }
  if (!isFilledText(data.holderName, 200)) {
    problems.push('holderName must be 1..200 characters');
  }
  if (typeof data.holderKvkNumber !== 'string' || !/^\d{8}$/.test(data.holderKvkNumber)) {
    problems.push('holderKvkNumber must be 8 digits');
  }
  const address = data.address as CertificateAddress | undefined;
  if (typeof address !== 'object' || address === null) {
    problems.push('address is required');
  } else {
    if (!isFilledText(address.street, 120)) problems.push('address.street must be 1..120 characters');
    if (!Number.isInteger(address.houseNumber) || address.houseNumber < 1 || address.houseNumber > 99999) {
      problems.push('address.houseNumber must be 1..99999');
    }
    if (address.houseLetter !== undefined && !/^[A-Za-z]$/.test(address.houseLetter)) {
      problems.push('address.houseLetter must be one letter');
    }
    if (address.houseNumberAddition !== undefined && !/^[0-9A-Za-z]{1,4}$/.test(address.houseNumberAddition)) {
      problems.push('address.houseNumberAddition must be 1..4 letters or digits');
    }
    if (typeof address.postcode !== 'string' || !POSTCODE_PATTERN.test(address.postcode)) {
      problems.push('address.postcode must look like 1234AB');
    }
    if (!isFilledText(address.city, 80)) problems.push('address.city must be 1..80 characters');
  }
  if (!isFilledText(data.municipalityName, 80)) {
    problems.push('municipalityName must be 1..80 characters');
  }
  if (!Number.isInteger(data.maximumResidents) || data.maximumResidents < 1 || data.maximumResidents > 100000) {
    problems.push('maximumResidents must be a positive integer');
  }
  for (const field of ['validFrom', 'validUntil', 'issuedOn'] as const) {
    if (!isCalendarDate(data[field])) {
      problems.push(`${field} must be a date YYYY-MM-DD`);
    }
  }
  if (isCalendarDate(data.validFrom) && isCalendarDate(data.validUntil) && data.validUntil <= data.validFrom) {
    problems.push('validUntil must be after validFrom');
  }
  if (!isFilledText(data.normVersion, 20)) {
    problems.push('normVersion must be 1..20 characters');
  }
  if (typeof data.verifyUrl !== 'string' || !/^https?:\/\/\S+$/.test(data.verifyUrl) || data.verifyUrl.length > 300) {
    problems.push('verifyUrl must be an http(s) URL of at most 300 characters');
  }
  if (problems.length > 0) {
    throw new CertificateDocumentDataError(problems);
  }
}
