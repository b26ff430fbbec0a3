import type { FastifyRequest } from 'fastify';
import { AppErrorCode, AppException, InvalidParam } from '@keurmerk/common';
import type { Upload } from '@keurmerk/documents';

type Parts = AsyncGenerator<Awaited<ReturnType<FastifyRequest['parts']> extends AsyncIterable<infer P> ? P : never>>;

/** The parts a guard started reading (takeLeadingField), for readMultipart to go on with. */
const STARTED_PARTS = Symbol('keurmerk.multipart-parts');
type WithStartedParts = FastifyRequest & { [STARTED_PARTS]?: Parts };

/**
 * Reads the first part of a multipart body when it is the text field `name`, and leaves the rest for
 * readMultipart. The web app's upload forms send their CSRF token this way, as their first field
 * (browsers send fields in the form's order), so the token never travels in the URL, where request
 * logs and Referer headers would keep it. Anything else first (a file, another field): undefined.
 */
export async function takeLeadingField(request: FastifyRequest, name: string): Promise<string | undefined> {
  const parts = request.parts() as Parts;
  (request as WithStartedParts)[STARTED_PARTS] = parts;
  try {
    const first = await parts.next();
    if (first.done) return undefined;
    if (first.value.type === 'field' && first.value.fieldname === name && !first.value.valueTruncated) return String(first.value.value);
    if (first.value.type === 'file') first.value.file.resume();
    return undefined;
  } catch {
    // A body that cannot be read carries no token either.
    return undefined;
  }
}

export interface MultipartInput {
  file: Upload;
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data request with one file and a few named text fields. Everything else
 * (another file, an unknown field, no file) is invalid input naming the field; a file over the limit
 * is 413 before it is read whole.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { fileField: string; fields?: string[]; requiredFields?: string[] },
): Promise<MultipartInput> {
  if (!request.isMultipart()) {
    throw AppException.invalidField(
      options.fileField,
      'required',
      `Send the file as multipart/form-data in the field "${options.fileField}".`,
    );
  }
  const allowed = new Set(options.fields ?? []);
  const problems: InvalidParam[] = [];
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  try {
    for await (const part of (request as WithStartedParts)[STARTED_PARTS] ?? request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== options.fileField || file) {
          problems.push({
            name: part.fieldname,
            code: 'unknown-field',
            reason: `Only one file, in the field "${options.fileField}", is accepted.`,
          });
          part.file.resume();
          continue;
        }
        const bytes = await part.toBuffer();
        file = { field: options.fileField, fileName: part.filename || options.fileField, bytes };
      } else if (part.fieldname === '_csrf') {
        // The web app's form token (checked by the WebGuard when it came first); never data.
        continue;
      } else if (allowed.has(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
        // busboy cuts a field at the limit and says so; a cut text would be stored as if whole.
        if (part.valueTruncated)
          problems.push({ name: part.fieldname, code: 'too-long', reason: 'The text is longer than this request accepts.' });
        // PostgreSQL cannot store NUL in text.
        if (fields[part.fieldname].includes('\u0000'))
          problems.push({ name: part.fieldname, code: 'invalid-character', reason: 'Text may not contain NUL characters.' });
      } else {
        problems.push({ name: part.fieldname, code: 'unknown-field', reason: `The field ${part.fieldname} is not part of this request.` });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppException(AppErrorCode.PayloadTooLarge, 'The file is larger than 10 MiB.');
    // Anything else thrown here came from parsing the client's bytes (busboy: no boundary, a body cut short).
    throw AppException.invalidField(options.fileField, 'malformed', 'The multipart body could not be read.');
  }
  if (!file)
    problems.push({ name: options.fileField, code: 'required', reason: `A file in the field "${options.fileField}" is required.` });
  for (const name of options.requiredFields ?? []) {
    if (!fields[name]?.trim()) problems.push({ name, code: 'required', reason: `The field ${name} is required.` });
  }
  if (problems.length > 0) throw AppException.invalid(problems);
  return { file: file!, fields };
}
