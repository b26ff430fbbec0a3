import { ApiProperty } from '@nestjs/swagger';
import { type DocumentEntity, EXTENSION } from '@keurmerk/documents';
import { MAX_CLIENT_REFERENCE_LENGTH } from '@keurmerk/locations';

export const ACCEPTED_CONTENT_TYPES = Object.keys(EXTENSION);

/** The multipart body of an upload, for the OpenAPI document (the body is read by readMultipart, not by a pipe). */
export const DOCUMENT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['bestand'],
  properties: {
    bestand: {
      type: 'string',
      format: 'binary',
      description: 'A PDF, JPEG or PNG of at most 10 MiB; the type is judged by the content, not by the name.',
    },
    clientReferentie: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_CLIENT_REFERENCE_LENGTH,
      description: 'Your own id for this upload: a retry with the same reference returns the first document instead of a copy.',
    },
  },
};

export class ApplicationDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'huurovereenkomst.pdf' })
  bestandsnaam: string;

  @ApiProperty({ enum: ACCEPTED_CONTENT_TYPES, description: 'As found in the content.' })
  contentType: string;

  @ApiProperty({ description: 'Size in bytes.', example: 48213 })
  grootte: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, hex.' })
  sha256: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktOp: string;

  static of(document: DocumentEntity): ApplicationDocumentDto {
    return {
      id: document.id,
      bestandsnaam: document.fileName,
      contentType: document.contentType,
      grootte: document.sizeBytes,
      sha256: document.sha256,
      aangemaaktOp: document.createdAt.toISOString(),
    };
  }
}
