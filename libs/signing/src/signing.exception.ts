export enum SigningExceptionCode {
  KEY_RING_INVALID = 'key-ring-invalid',
  KEY_UNSUPPORTED = 'key-unsupported',
  PKCS12_INVALID = 'pkcs12-invalid',
  PKCS12_WRONG_PASSPHRASE = 'pkcs12-wrong-passphrase',
  PDF_REFUSED = 'pdf-refused',
  SIGNATURE_SELF_CHECK_FAILED = 'signature-self-check-failed',
  CREDENTIAL_REFUSED = 'credential-refused',
}

/** The one error type of this library; callers map the code, never the message. */
export class SigningException extends Error {
  constructor(
    readonly code: SigningExceptionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SigningException';
  }
}
