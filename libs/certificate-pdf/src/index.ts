export {
  type CertificateAddress,
  type CertificateDocumentData,
  CertificateDocumentDataError,
  assertValidCertificateDocumentData,
} from './certificate-document-data';
export { DEFAULT_SIGNATURE_PLACEHOLDER_BYTES, type RenderCertificatePdfOptions, renderCertificatePdf } from './certificate-pdf.renderer';
