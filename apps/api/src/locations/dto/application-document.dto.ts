import { MAX_CLIENT_REFERENCE_LENGTH } from '@keurmerk/common';
import { APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND } from '@keurmerk/locations';

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
    soort: {
      type: 'string',
      enum: [...APPLICATION_DOCUMENT_KINDS, OTHER_DOCUMENT_KIND],
      description:
        'Which required document this is: proof of ownership or the lease (eigendom-of-huur), the floor plan (plattegrond), ' +
        'the fire-safety report (brandveiligheid), the house rules (huisregels), the residents’ rental contract ' +
        '(model-huurovereenkomst); anything else is overig, as is an upload without soort.',
    },
  },
};
