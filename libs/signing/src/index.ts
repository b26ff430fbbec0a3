export {
  type CertificateInput,
  KeyRing,
  type PublishedKey,
  PublicKeySet,
  type SigningAlgorithm,
  type SigningKeyInfo,
  type VerificationKeys,
} from './key-ring';
export {
  DEVELOPMENT_CERTIFICATE_COMMON_NAME,
  type DevelopmentKeyOptions,
  KEY_RING_MANIFEST_FILE,
  ensureDevelopmentKeyRing,
  rotateDevelopmentKey,
} from './development-key-ring.loader';
export { type Pkcs12KeyRingOptions, loadPkcs12KeyRing } from './pkcs12-key-ring.loader';
export { PadesSigner, signPdf } from './pades-signer';
export { type PdfSignatureProblem, type PdfSignatureVerification, verifyPdfSignature } from './pdf-signature.verifier';
export {
  CREDENTIAL_TYPE,
  type CredentialProblem,
  type CredentialVerification,
  type PublicJwk,
  type SignCredentialOptions,
  jwks,
  signCredential,
  verifyCredential,
} from './credential.signer';
export { SigningException, SigningExceptionCode } from './signing.exception';
