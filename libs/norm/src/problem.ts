/**
 * A problem with input, shaped like one entry of the contract's `invalidParams` (and structurally
 * the same as `InvalidParam` of @keurmerk/common), so the HTTP edge can pass a list through
 * unchanged. Codes and English reasons follow the conventions of the rest of the API; this library
 * does not import common so that it stays free of anything but plain TypeScript.
 */
export interface Problem {
  readonly name: string;
  readonly code: ProblemCode;
  readonly reason: string;
}

export type ProblemCode =
  | 'required'
  | 'invalid-type'
  | 'invalid-value'
  | 'pattern'
  | 'invalid-date'
  | 'duplicate'
  | 'unknown-field'
  | 'range'
  | 'not-integer'
  | 'exactly-one-required'
  | 'not-allowed'
  | 'too-few'
  | 'too-many'
  | 'too-long'
  | 'unreachable'
  | 'unanswered';

export type NormErrorCode =
  /** The answers of an inspection are incomplete or inconsistent with the norm; `problems` lists each. */
  | 'invalid-answers'
  /** A caller passed something the library cannot work with (bad date, negative bed count): a bug upstream. */
  | 'invalid-argument';

export class NormError extends Error {
  constructor(
    readonly code: NormErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = 'NormError';
  }
}
