/** What went wrong, independent of transport; the HTTP edge maps each code to a status once. */
export enum AppErrorCode {
  InvalidInput = 'invalid-input',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  Conflict = 'conflict',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  RateLimited = 'rate-limited',
  Unavailable = 'unavailable',
  /** It existed, and is no more (a used or expired one-time link). */
  Gone = 'gone',
}

export interface InvalidParam {
  /** The field, as the client named it (`adres.postcode`, `verzoeken[3].huisnummer`). */
  name: string;
  /** A stable machine-readable code (`required`, `pattern`, `unknown-field`, ...). */
  code: string;
  reason: string;
}

/** The one error type services throw; its `detail` is safe to show to the caller. */
export class AppException extends Error {
  /** A problem type more specific than the status's (a URI), for a refusal a client must act on in its own way. */
  problemType?: string;

  constructor(
    readonly code: AppErrorCode,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(detail);
    this.name = 'AppException';
  }

  static invalid(params: InvalidParam[], detail = 'The request contains invalid input.'): AppException {
    return new AppException(AppErrorCode.InvalidInput, detail, params);
  }

  static invalidField(name: string, code: string, reason: string): AppException {
    return AppException.invalid([{ name, code, reason }]);
  }

  static notFound(what: string): AppException {
    return new AppException(AppErrorCode.NotFound, `${what} was not found.`);
  }

  static forbidden(detail = 'You are not allowed to do this.'): AppException {
    return new AppException(AppErrorCode.Forbidden, detail);
  }

  static conflict(detail: string): AppException {
    return new AppException(AppErrorCode.Conflict, detail);
  }

  static unauthenticated(detail = 'Authentication is missing or invalid.'): AppException {
    return new AppException(AppErrorCode.Unauthenticated, detail);
  }

  static unavailable(detail: string): AppException {
    return new AppException(AppErrorCode.Unavailable, detail);
  }
}

/** Ends an exhaustive `switch`: the compiler proves the value `never`; at run time it names what slipped through. */
export function assertUnreachable(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}

/**
 * A refusal with a meaning of one feature (Twenty's `ApiKeyException` + `ApiKeyExceptionCode`): the code
 * is the feature's own enum, and the feature maps each code to a kind in an exhaustive switch. The HTTP
 * edge turns the kind into a status (problem.ts); the web pages turn the code into a sentence in the
 * person's language (web/shared/refusal-texts.ts). Nobody reads a reason out of the English `detail`.
 *
 * A feature declares it like this:
 *
 *     export enum CertificateExceptionCode { IllegalTransition = 'certificate-illegal-transition', ... }
 *     export class CertificateException extends FeatureException<CertificateExceptionCode> {
 *       readonly feature = 'certificates';
 *       constructor(code: CertificateExceptionCode, detail: string) { super(code, certificateKind(code), detail); }
 *     }
 *     function certificateKind(code: CertificateExceptionCode): AppErrorCode {
 *       switch (code) { case CertificateExceptionCode.IllegalTransition: return AppErrorCode.Conflict; ...
 *         default: return assertUnreachable(code, 'certificate exception code'); }
 *     }
 */
export abstract class FeatureException<Code extends string = string> extends AppException {
  /** The feature that refused: the key of its texts in the web app. */
  abstract readonly feature: string;

  protected constructor(
    readonly reason: Code,
    kind: AppErrorCode,
    detail: string,
  ) {
    super(kind, detail);
    this.name = new.target.name;
  }
}
