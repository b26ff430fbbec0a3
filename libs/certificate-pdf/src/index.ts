export {
  type CertificateAddress,
  type CertificateDocumentData,
  CertificateDocumentDataError,
  assertValidCertificateDocumentData,
} from './certificate-document-data';
export { DEFAULT_SIGNATURE_PLACEHOLDER_BYTES, type RenderCertificatePdfOptions, renderCertificatePdf } from './certificate-pdf.renderer';
export {
  type InspectionReportData,
  type RenderInspectionReportOptions,
  type ReportAnswerResult,
  type ReportCriterion,
  type ReportFinding,
  type ReportLanguage,
  type ReportSeverity,
  renderInspectionReportPdf,
} from './inspection-report.renderer';
