import { Param } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { contractAddress } from '@keurmerk/common';
import { CERTIFICATE_STATUSES, type CertificateStatus, type PublicCertificate } from '@keurmerk/certificates';
import { AddressDto } from '../http/address.dto';
import { PageQueryDto } from '../http/paging';

/** A certificate number's form (KM-2026-000123-4); the check digit is checked by the services. */
export const CERTIFICATE_NUMBER_SCHEMA_PATTERN = '^KM-[0-9]{4}-[0-9]{6}-[0-9]$';

/** The `{nummer}` path parameter, documented with its form; the services answer 400 for a wrong one. */
export const CertificateNumberParam = (): ParameterDecorator => (target, key, index) => {
  Param('nummer')(target, key, index);
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) {
    ApiParam({
      name: 'nummer',
      required: true,
      schema: { type: 'string', pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN, example: 'KM-2026-000123-4' },
    })(target, key!, descriptor);
  }
};

export class HolderDto {
  @ApiProperty()
  naam: string;

  @ApiProperty({ example: '12345678' })
  kvkNummer: string;
}

export class CertificateDto {
  @ApiProperty({ example: 'KM-2026-000123-3' })
  certificaatnummer: string;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status: CertificateStatus;

  @ApiProperty({ format: 'date' })
  geldigVanaf: string;

  @ApiProperty({ format: 'date' })
  geldigTot: string;

  @ApiProperty()
  maximaalAantalBewoners: number;

  @ApiProperty({ type: AddressDto })
  adres: AddressDto;

  @ApiProperty({ example: 'GM1783' })
  gemeentecode: string;

  @ApiProperty({ type: HolderDto })
  houder: HolderDto;

  @ApiProperty({ example: '2026.1' })
  normVersie: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the signed PDF in the registry.' })
  pdfSha256: string;

  @ApiProperty({ format: 'date-time' })
  statusGewijzigdOp: string;

  @ApiPropertyOptional({
    type: String,
    pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN,
    example: 'KM-2027-000456-1',
    description: 'The certificate that replaced this one (status `vervangen`): the location is now governed by that one.',
  })
  vervangenDoor?: string;

  static of(
    certificate: Pick<
      PublicCertificate,
      | 'number'
      | 'status'
      | 'validFrom'
      | 'validUntil'
      | 'maximumResidents'
      | 'content'
      | 'municipalityCode'
      | 'normVersion'
      | 'statusChangedAt'
    > & { pdfSha256: string | null; supersededBy?: string | null },
  ): CertificateDto {
    const address = certificate.content.address;
    return {
      certificaatnummer: certificate.number,
      status: certificate.status,
      geldigVanaf: certificate.validFrom,
      geldigTot: certificate.validUntil,
      maximaalAantalBewoners: certificate.maximumResidents,
      adres: contractAddress(address),
      gemeentecode: certificate.municipalityCode,
      houder: { naam: certificate.content.holderName, kvkNummer: certificate.content.holderKvkNumber },
      normVersie: certificate.normVersion,
      pdfSha256: certificate.pdfSha256!,
      statusGewijzigdOp: certificate.statusChangedAt.toISOString(),
      ...(certificate.supersededBy ? { vervangenDoor: certificate.supersededBy } : {}),
    };
  }
}

const SETTABLE = ['geschorst', 'geldig', 'ingetrokken'] as const;

export class StatusChangeDto {
  @ApiProperty({
    enum: SETTABLE,
    description:
      '`verlopen` is set by the platform at the end of the validity, `vervangen` when a later decision issues a new certificate. ' +
      'Reinstating (`geldig`) is refused (409) while a finding that led to the suspension is open.',
  })
  @IsIn(SETTABLE)
  status: (typeof SETTABLE)[number];

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reden must not be blank' })
  reden: string;
}

export class CertificateQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;

  @ApiPropertyOptional({ example: 'GM1783', pattern: '^GM[0-9]{4}$' })
  @IsOptional()
  @Matches(/^GM[0-9]{4}$/, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;
}
