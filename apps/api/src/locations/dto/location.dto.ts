import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  BAG_ID_PATTERN,
  contractAddress,
  HOUSE_LETTER_PATTERN,
  HOUSE_NUMBER_ADDITION_PATTERN,
  MAX_HOUSE_NUMBER,
  MIN_HOUSE_NUMBER,
  NO_CONTROL_CHARACTERS_PATTERN,
  NOT_BLANK_PATTERN,
  normalisePostcode,
  POSTCODE_PATTERN,
} from '@keurmerk/common';
import {
  ADDRESS_CLAIM_STATUSES,
  AddressClaimEntity,
  type AddressClaimStatus,
  LOCATION_STATUSES,
  LocationEntity,
  type LocationStatus,
  MAX_REASON_LENGTH,
  MAX_ADDRESS_TEXT_LENGTH,
  MAX_REQUESTED_BEDS,
  MIN_REQUESTED_BEDS,
  MUNICIPALITY_CODE_PATTERN,
} from '@keurmerk/locations';
import { HOUSING_TYPES, type HousingType } from '@keurmerk/norm';
import { AddressDto } from '../../http/address.dto';
import { PageQueryDto } from '../../http/paging';

// The DTOs check form, so every form problem is named at once; the service checks again and adds
// what needs the database (a current gemeentecode, the organisation).
const postcodeInput = () => Transform(({ value }) => (typeof value === 'string' ? normalisePostcode(value) : value));
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class LocationAddressInputDto {
  @ApiProperty({
    example: '1234AB',
    pattern: POSTCODE_PATTERN.source,
    description: 'Spaces and case do not matter: `1234 ab` is `1234AB`.',
  })
  @postcodeInput()
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be four digits (not starting with 0) and two letters, e.g. 1234AB' })
  postcode: string;

  @ApiProperty({ minimum: MIN_HOUSE_NUMBER, maximum: MAX_HOUSE_NUMBER, example: 12 })
  @IsInt()
  @Min(MIN_HOUSE_NUMBER)
  @Max(MAX_HOUSE_NUMBER)
  huisnummer: number;

  @ApiPropertyOptional({ example: 'A', pattern: HOUSE_LETTER_PATTERN.source, description: 'Kept upper case.' })
  @IsOptional()
  @IsString()
  @Matches(HOUSE_LETTER_PATTERN, { message: 'huisletter must be one letter' })
  huisletter?: string;

  @ApiPropertyOptional({ example: '2HG', pattern: HOUSE_NUMBER_ADDITION_PATTERN.source, description: 'Kept upper case.' })
  @IsOptional()
  @IsString()
  @Matches(HOUSE_NUMBER_ADDITION_PATTERN, { message: 'huisnummertoevoeging must be 1 to 4 letters or digits' })
  huisnummertoevoeging?: string;

  @ApiProperty({ example: 'Voorbeeldstraat', minLength: 1, maxLength: MAX_ADDRESS_TEXT_LENGTH })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ADDRESS_TEXT_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS_PATTERN, { message: 'straatnaam must not contain control characters' })
  straatnaam: string;

  @ApiProperty({ example: 'Naaldwijk', minLength: 1, maxLength: MAX_ADDRESS_TEXT_LENGTH })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ADDRESS_TEXT_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS_PATTERN, { message: 'woonplaats must not contain control characters' })
  woonplaats: string;
}

export class CreateLocationDto {
  @ApiProperty({ type: LocationAddressInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationAddressInputDto)
  adres: LocationAddressInputDto;

  @ApiProperty({
    example: 'GM1783',
    pattern: MUNICIPALITY_CODE_PATTERN.source,
    description: 'A current municipality (see GET /gemeenten).',
  })
  @IsString()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode: string;

  @ApiPropertyOptional({
    example: '1783200000012345',
    pattern: BAG_ID_PATTERN.source,
    description: 'The BAG nummeraanduiding of the address.',
  })
  @IsOptional()
  @IsString()
  @Matches(BAG_ID_PATTERN, { message: 'bagNummeraanduidingId must be 16 digits with 20 in positions 5 and 6' })
  bagNummeraanduidingId?: string;

  @ApiProperty({ enum: HOUSING_TYPES })
  @IsIn(HOUSING_TYPES)
  soortHuisvesting: HousingType;

  @ApiProperty({ description: 'New build: stricter space and privacy thresholds apply.' })
  @IsBoolean()
  nieuwbouw: boolean;

  @ApiProperty({ minimum: MIN_REQUESTED_BEDS, maximum: MAX_REQUESTED_BEDS, example: 14, description: 'The number of beds applied for.' })
  @IsInt()
  @Min(MIN_REQUESTED_BEDS)
  @Max(MAX_REQUESTED_BEDS)
  aantalSlaapplaatsen: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The landlord organisation; required for the beheerder, a verhuurder registers for its own.',
  })
  @IsOptional()
  @IsUUID()
  organisatieId?: string;
}

export class LocationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'GM1783', pattern: MUNICIPALITY_CODE_PATTERN.source })
  @IsOptional()
  @IsString()
  @Matches(MUNICIPALITY_CODE_PATTERN, { message: 'gemeentecode must be GM followed by 4 digits' })
  gemeentecode?: string;

  @ApiPropertyOptional({ example: '1234AB', pattern: POSTCODE_PATTERN.source, description: 'Spaces and case do not matter.' })
  @IsOptional()
  @postcodeInput()
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be four digits (not starting with 0) and two letters, e.g. 1234AB' })
  postcode?: string;
}

export class LocationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: AddressDto })
  adres: AddressDto;

  @ApiProperty({ example: 'GM1783' })
  gemeentecode: string;

  @ApiPropertyOptional({ example: '1783200000012345' })
  bagNummeraanduidingId?: string;

  @ApiProperty({ enum: HOUSING_TYPES })
  soortHuisvesting: HousingType;

  @ApiProperty()
  nieuwbouw: boolean;

  @ApiProperty({ example: 14 })
  aantalSlaapplaatsen: number;

  @ApiProperty({ format: 'uuid' })
  organisatieId: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  @ApiProperty({ enum: LOCATION_STATUSES, description: '`afgemeld`: deregistered; its address is free for another holder.' })
  status: LocationStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  afgemeldOp?: string;

  static of(location: LocationEntity): LocationDto {
    return {
      status: location.status,
      ...(location.deregisteredAt ? { afgemeldOp: location.deregisteredAt.toISOString() } : {}),
      id: location.id,
      adres: contractAddress(location),
      gemeentecode: location.municipalityCode,
      ...(location.bagId ? { bagNummeraanduidingId: location.bagId } : {}),
      soortHuisvesting: location.housingType,
      nieuwbouw: location.newBuild,
      aantalSlaapplaatsen: location.requestedBeds,
      organisatieId: location.organisationId,
      aangemaaktOp: location.createdAt.toISOString(),
    };
  }
}

export class ChangeLocationDto {
  @ApiPropertyOptional({ minimum: MIN_REQUESTED_BEDS, maximum: MAX_REQUESTED_BEDS, example: 16 })
  @IsOptional()
  @IsInt()
  @Min(MIN_REQUESTED_BEDS)
  @Max(MAX_REQUESTED_BEDS)
  aantalSlaapplaatsen?: number;

  @ApiPropertyOptional({ enum: HOUSING_TYPES })
  @IsOptional()
  @IsIn(HOUSING_TYPES)
  soortHuisvesting?: HousingType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  nieuwbouw?: boolean;
}

export class ChangedLocationDto extends LocationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The `wijziging` planning request this change opened: a re-inspection before the certificate can follow the change.',
  })
  planningsverzoekId?: string;
}

const reasonProperty = () => ApiProperty({ minLength: 1, maxLength: MAX_REASON_LENGTH });

export class ReasonDto {
  @reasonProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REASON_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'reden must not be blank' })
  reden: string;
}

export class TransferLocationDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The verhuurder organisation that takes the location over.' })
  @IsUUID()
  organisatieId: string;
}

export class DeregistrationDto {
  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ enum: ['afgemeld'] })
  status: LocationStatus;

  @ApiProperty({ format: 'date-time' })
  afgemeldOp: string;

  @ApiProperty()
  reden: string;

  @ApiPropertyOptional({ example: 'KM-2026-000123-4', description: 'The certificate withdrawn by the deregistration.' })
  ingetrokkenCertificaat?: string;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' })
  locatieId: string;

  @ApiProperty({ format: 'uuid' })
  vanOrganisatieId: string;

  @ApiProperty({ format: 'uuid' })
  naarOrganisatieId: string;

  @ApiProperty()
  reden: string;

  @ApiPropertyOptional({
    example: 'KM-2026-000123-4',
    description: 'The old holder’s certificate, withdrawn; the new holder applies anew.',
  })
  ingetrokkenCertificaat?: string;
}

export class AddressClaimDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The registered location that holds the address.' })
  locatieId: string;

  @ApiProperty({ format: 'uuid', description: 'The organisation that tried to register the address too.' })
  organisatieId: string;

  @ApiProperty({ type: AddressDto })
  adres: AddressDto;

  @ApiProperty({ example: 'GM1783' })
  gemeentecode: string;

  @ApiProperty({ enum: ADDRESS_CLAIM_STATUSES })
  status: AddressClaimStatus;

  @ApiProperty({ format: 'date-time' })
  geclaimdOp: string;

  @ApiPropertyOptional({ format: 'date-time' })
  afgehandeldOp?: string;

  @ApiPropertyOptional()
  toelichting?: string;

  static of(claim: AddressClaimEntity): AddressClaimDto {
    return {
      id: claim.id,
      locatieId: claim.locationId,
      organisatieId: claim.claimantOrganisationId,
      adres: contractAddress(claim),
      gemeentecode: claim.municipalityCode,
      status: claim.status,
      geclaimdOp: claim.claimedAt.toISOString(),
      ...(claim.resolvedAt ? { afgehandeldOp: claim.resolvedAt.toISOString() } : {}),
      ...(claim.resolution ? { toelichting: claim.resolution } : {}),
    };
  }
}

export class AddressClaimQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ADDRESS_CLAIM_STATUSES })
  @IsOptional()
  @IsIn(ADDRESS_CLAIM_STATUSES)
  status?: AddressClaimStatus;
}

export class ResolveAddressClaimDto {
  @reasonProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_REASON_LENGTH)
  @Matches(NOT_BLANK_PATTERN, { message: 'toelichting must not be blank' })
  toelichting: string;
}
