import { Injectable } from '@nestjs/common';
import { AccountService, MunicipalityService, type PersonPrincipal } from '@keurmerk/accounts';
import { type InspectionReportData, type ReportLanguage, renderInspectionReportPdf } from '@keurmerk/certificate-pdf';
import { Clock, isUuid } from '@keurmerk/common';
import { DocumentService } from '@keurmerk/documents';
import { LocationService } from '@keurmerk/locations';
import { dateInAmsterdam, localisedTitle } from '@keurmerk/norm';
import { NormVersionService } from '@keurmerk/norm-versions';
import { FindingRepository } from './finding.repository';
import { InspectionException, InspectionExceptionCode, inspectionNotFound } from './inspection.exception';
import { InspectionRepository } from './inspection.repository';

/** Whom a refused report is refused to, and why, is the caller's: the same rule for the PDF and the web page. */
export interface InspectionReport {
  data: InspectionReportData;
  locationId: string;
}

/**
 * The inspection report: every answer and measurement per norm section, the findings with the auditor's
 * remarks and deadlines, the count of photos, score, maximum residents and the decision with the
 * certifier's explanation. Staff see it at any time; the inspection's own auditor too; the landlord of
 * the location only once there is a decision (before it, the inspection's report does not exist for them).
 */
@Injectable()
export class InspectionReportService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly findings: FindingRepository,
    private readonly locations: LocationService,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly norms: NormVersionService,
    private readonly documents: DocumentService,
    private readonly clock: Clock,
  ) {}

  /** `language`: the norm's titles in it where the norm carries them (2026.1 has English), else Dutch. */
  async report(caller: PersonPrincipal, id: string, language: ReportLanguage = 'nl'): Promise<InspectionReport> {
    const inspection = isUuid(id) ? await this.inspections.findVisible(caller, id.toLowerCase()) : null;
    if (!inspection) throw inspectionNotFound(InspectionExceptionCode.InspectionNotFound, 'The inspection');
    const decision = await this.inspections.decisionOf(inspection.id);
    if (caller.role === 'verhuurder' && !decision) {
      throw new InspectionException(InspectionExceptionCode.NotDecided, 'The report is there once the inspection is decided.');
    }
    const [location, norm, answers, findings, evidence, auditor, decider] = await Promise.all([
      this.locations.getById(inspection.locationId),
      this.norms.getPublished(inspection.normVersion),
      this.inspections.answersOf(inspection.id),
      this.findings.findingsOf(inspection.id),
      this.documents.list({ inspectionId: inspection.id }),
      this.accounts.getUser(inspection.auditorId),
      decision ? this.accounts.getUser(decision.decidedBy) : Promise.resolve(undefined),
    ]);
    const [holder, municipality] = await Promise.all([
      this.accounts.getOrganisation(location.organisationId),
      this.municipalities.find(location.municipalityCode),
    ]);
    const answerOf = new Map(answers.map((answer) => [answer.criterionCode, answer]));
    const titleOf = new Map(
      norm.sections.flatMap((section) => section.criteria.map((criterion) => [criterion.code, localisedTitle(criterion, language)])),
    );
    const photos = evidence.filter((document) => document.contentType.startsWith('image/')).length;
    const result = inspection.result;

    const data: InspectionReportData = {
      inspectionId: inspection.id,
      kind: inspection.kind,
      plannedOn: dateInAmsterdam(inspection.plannedAt),
      submittedOn: inspection.submittedAt ? dateInAmsterdam(inspection.submittedAt) : null,
      normVersion: inspection.normVersion,
      address: {
        street: location.street,
        houseNumber: location.houseNumber,
        ...(location.houseLetter ? { houseLetter: location.houseLetter } : {}),
        ...(location.houseNumberAddition ? { houseNumberAddition: location.houseNumberAddition } : {}),
        postcode: location.postcode,
        city: location.city,
      },
      municipalityName: municipality?.name ?? location.municipalityCode,
      holderName: holder.name,
      housingType: location.housingType,
      newBuild: location.newBuild,
      requestedBeds: location.requestedBeds,
      auditorName: auditor.name,
      sections: norm.sections.map((section) => ({
        code: section.code,
        title: localisedTitle(section, language),
        criteria: section.criteria.map((criterion) => {
          const answer = answerOf.get(criterion.code);
          return {
            code: criterion.code,
            title: localisedTitle(criterion, language),
            severity: criterion.severity,
            measured: criterion.kind === 'measured',
            ...(criterion.kind === 'measured' ? { unit: criterion.unit } : {}),
            result: answer?.result ?? null,
            measurement: answer?.measurement ?? null,
            personsSupported: answer?.personsSupported ?? null,
            remark: answer?.remark ?? null,
          };
        }),
      })),
      findings: findings.map((finding) => ({
        criterionCode: finding.criterionCode,
        criterionTitle: titleOf.get(finding.criterionCode) ?? finding.criterionCode,
        severity: finding.severity,
        deadline: finding.repairDeadline,
        status: finding.status,
        remark: answerOf.get(finding.criterionCode)?.remark ?? null,
      })),
      photoCount: photos,
      documentCount: evidence.length - photos,
      result: result
        ? {
            score: result.score,
            knockOuts: result.knockOuts,
            majors: result.majors,
            minors: result.minors,
            maximumResidents: result.maximumResidents,
          }
        : null,
      decision:
        decision && decider
          ? {
              outcome: decision.outcome,
              explanation: decision.explanation,
              decidedOn: dateInAmsterdam(decision.decidedAt),
              decidedBy: decider.name,
            }
          : null,
    };
    return { data, locationId: location.id };
  }

  async pdf(caller: PersonPrincipal, id: string, language: ReportLanguage = 'nl'): Promise<Buffer> {
    const { data } = await this.report(caller, id, language);
    return renderInspectionReportPdf(data, { language, generatedAt: this.clock.now() });
  }
}
