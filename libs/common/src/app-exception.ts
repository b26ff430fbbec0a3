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
