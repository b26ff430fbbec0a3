import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HOUSE_LETTER_PATTERN, HOUSE_NUMBER_ADDITION_PATTERN, MAX_POSTCODE_INPUT_LENGTH } from '@keurmerk/common';
import {
  COMPLAINT_FLAGS,
  COMPLAINT_LANGUAGES,
  COMPLAINT_STATUSES,
  type ComplaintEntity,
  type ComplaintStatus,
  DESCRIPTION_MAX_LENGTH,
  RESOLUTION_MAX_LENGTH,
} from '@keurmerk/complaints';
import { CERTIFICATE_NUMBER_SCHEMA_PATTERN } from '../certificates/certificate.dto';
import { PageQueryDto } from '../http/paging';
import { PlanInspectionDto } from '../inspections/dto/inspection.dto';

/** The address a complaint is about, as on the information card. */
export class ComplaintAddressDto {
  @ApiProperty({ example: '2671AB', maxLength: MAX_POSTCODE_INPUT_LENGTH, description: 'Any spelling: `2671 ab` is `2671AB`.' })
  postcode: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 99999 })
  huisnummer: number;

  @ApiPropertyOptional({ example: 'A', pattern: HOUSE_LETTER_PATTERN.source })
  huisletter?: string;

  @ApiPropertyOptional({ example: '2HG', pattern: HOUSE_NUMBER_ADDITION_PATTERN.source })
  huisnummertoevoeging?: string;
}

/**
 * Every field is read by one parser (complaint-input.ts), so that all problems are named at once;
 * `@Allow` only tells the validation pipe which fields exist.
 */
export class NewComplaintDto {
  @ApiPropertyOptional({
    type: String,
    example: 'KM-2026-000123-3',
    pattern: CERTIFICATE_NUMBER_SCHEMA_PATTERN,
    description: 'Either the certificate number from the information card, or adres.',
  })
  @Allow()
  certificaatnummer?: unknown;

  @ApiPropertyOptional({ type: ComplaintAddressDto, description: 'Either the address, or certificaatnummer.' })
  @Allow()
  adres?: unknown;

  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: DESCRIPTION_MAX_LENGTH,
    example: 'Er wonen twintig mensen in dit huis.',
    description: 'What is wrong, in the resident’s own words.',
  })
  @Allow()
  omschrijving: unknown;

  @ApiProperty({ type: String, enum: COMPLAINT_LANGUAGES, description: 'The language the complaint is written in.' })
  @Allow()
  taal: unknown;
}

export class ComplaintReceiptDto {
  @ApiProperty({ example: 'M-2026-7K3Q9X', description: 'The reference the resident keeps; it names nothing about the resident.' })
  referentie: string;
}

export class ComplaintAddressViewDto extends PickType(ComplaintAddressDto, [
  'postcode',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
]) {}

export class ComplaintDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'M-2026-7K3Q9X' })
  referentie: string;

  @ApiProperty({ enum: COMPLAINT_STATUSES })
  status: ComplaintStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'KM-2026-000123-3' })
  certificaatnummer: string | null;

  @ApiPropertyOptional({ type: ComplaintAddressViewDto, nullable: true })
  adres: ComplaintAddressViewDto | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The location found from the number or address; null when none was.',
  })
  locatieId: string | null;

  @ApiPropertyOptional({
    type: String,
    enum: COMPLAINT_FLAGS,
    nullable: true,
    description: 'Set when no location was found: the resident may have mistyped.',
  })
  signalering: string | null;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ enum: COMPLAINT_LANGUAGES })
  taal: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unannounced inspection planned from this complaint.',
  })
  inspectieId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The beheerder’s note on closing.' })
  toelichting: string | null;

  @ApiProperty({ format: 'date-time' })
  ontvangenOp: string;

  @ApiProperty({ format: 'date-time' })
  gewijzigdOp: string;

  static of(complaint: ComplaintEntity): ComplaintDto {
    return {
      id: complaint.id,
      referentie: complaint.reference,
      status: complaint.status,
      certificaatnummer: complaint.certificateNumber,
      adres:
        complaint.postcode && complaint.houseNumber
          ? {
              postcode: complaint.postcode,
              huisnummer: complaint.houseNumber,
              ...(complaint.houseLetter ? { huisletter: complaint.houseLetter } : {}),
              ...(complaint.houseNumberAddition ? { huisnummertoevoeging: complaint.houseNumberAddition } : {}),
            }
          : null,
      locatieId: complaint.locationId,
      signalering: complaint.flag,
      omschrijving: complaint.description,
      taal: complaint.language,
      inspectieId: complaint.inspectionId,
      toelichting: complaint.resolution,
      ontvangenOp: complaint.createdAt.toISOString(),
      gewijzigdOp: complaint.updatedAt.toISOString(),
    };
  }
}

export class ComplaintQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locatieId?: string;
}

/** The auditor and the time; the location is the complaint's and the kind is always `onaangekondigd`. */
export class PlanComplaintInspectionDto extends PickType(PlanInspectionDto, ['auditorId', 'gepland']) {}

export class CloseComplaintDto {
  @ApiProperty({ minLength: 1, maxLength: RESOLUTION_MAX_LENGTH, description: 'What was done with the complaint.' })
  @IsString()
  @MaxLength(RESOLUTION_MAX_LENGTH)
  toelichting: string;
}
