import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type DocumentEntity, EXTENSION } from '@keurmerk/documents';
import { APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND } from '@keurmerk/locations';

export const ACCEPTED_CONTENT_TYPES = Object.keys(EXTENSION);

/** An uploaded file as answers show it: application documents, evidence, repair evidence. */
export class DocumentDto {
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

  @ApiPropertyOptional({
    enum: [...APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND],
    description: 'Which required document of the application this is, when the upload named one; evidence has none.',
  })
  soort?: string;

  static of(document: DocumentEntity): DocumentDto {
    return {
      id: document.id,
      bestandsnaam: document.fileName,
      contentType: document.contentType,
      grootte: document.sizeBytes,
      sha256: document.sha256,
      aangemaaktOp: document.createdAt.toISOString(),
      ...(document.kind ? { soort: document.kind } : {}),
    };
  }
}
