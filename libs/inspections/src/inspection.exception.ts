import { AppErrorCode, assertUnreachable, FeatureException } from '@keurmerk/common';
import type { Severity } from '@keurmerk/norm';
import type { InspectionStatus } from './inspection.entities';

/** Why the audit workflow (planning, answers, submission, decision, findings and their repair) refused. */
export enum InspectionExceptionCode {
  /** No such inspection, or one the caller may not see (an auditor sees only its own). */
  InspectionNotFound = 'inspection-not-found',
  /** The inspection's norm version has no criterion with this code. */
  CriterionNotFound = 'inspection-criterion-not-found',
  /** The document is not evidence of this inspection. */
  EvidenceNotFound = 'inspection-evidence-not-found',
  /** No decision on the inspection yet. */
  NotDecided = 'inspection-not-decided',
  /** No such finding, or one the caller may not see. */
  FindingNotFound = 'inspection-finding-not-found',
  /** The repair report is not one of this finding's. */
  RepairReportNotFound = 'inspection-repair-report-not-found',
  /** Planning: the auditor belongs to the landlord's organisation or declared a relation with it. */
  AuditorConflictOfInterest = 'inspection-auditor-conflict-of-interest',
  /** Planning: the auditor's or its inspection body's accreditation is missing or lapsed on the planned date. */
  AuditorNotAccredited = 'inspection-auditor-not-accredited',
  /** The relation between this auditor and landlord was declared before. */
  RelationAlreadyDeclared = 'inspection-relation-already-declared',
  /** The inspection was submitted: answers and evidence no longer change. */
  AnswersFrozen = 'inspection-answers-frozen',
  /** A second submission. */
  AlreadySubmitted = 'inspection-already-submitted',
  /** An inspection moves only gepland → in-uitvoering → ingediend → besloten. */
  IllegalTransition = 'inspection-illegal-transition',
  /** Only a certificeerder decides. */
  NotCertifier = 'inspection-not-certifier',
  /** Four eyes: the inspection's own auditor may not decide on it. */
  FourEyes = 'inspection-four-eyes',
  /** A second decision. */
  AlreadyDecided = 'inspection-already-decided',
  /** Only a submitted inspection can be decided. */
  NotSubmitted = 'inspection-not-submitted',
  /** Granting while a knock-out or major finding is open (see `blockingFindings`). */
  OpenSeriousFindings = 'inspection-open-serious-findings',
  /** Granting while a measured criterion supports nobody (see `criteriaSupportingNobody`). */
  CriterionSupportsNobody = 'inspection-criterion-supports-nobody',
  /** Only the landlord reports repairs. */
  NotRepairReporter = 'inspection-not-repair-reporter',
  /** Only an auditor or a certificeerder judges repairs. */
  NotRepairReviewer = 'inspection-not-repair-reviewer',
  /** The finding is closed; nothing more to report. */
  FindingClosed = 'inspection-finding-closed',
  /** A repair report for the finding already awaits review. */
  RepairAwaitingReview = 'inspection-repair-awaiting-review',
  /** No repair report awaits review (someone judged it already, or none was made). */
  NoRepairToReview = 'inspection-no-repair-to-review',
  /** Whoever made a decision that an upheld objection revised does not decide on that inspection again. */
  RevisedDecider = 'inspection-revised-decider',
  /** Reopening a decision that is not the inspection's decision in force (revised already, or another). */
  DecisionNotInForce = 'inspection-decision-not-in-force',
  /** A knock-out finding closes only by a passing herinspectie of its criterion, never by accepting a repair report. */
  KnockOutNeedsReinspection = 'inspection-knock-out-needs-reinspection',
}

/** One reason an auditor may not inspect a location on a date. */
export type AuditorConflict =
  | { kind: 'same-organisation' }
  | { kind: 'declared-relation'; description: string }
  | { kind: 'body-not-accredited' }
  | { kind: 'body-accreditation-lapsed'; on: string }
  | { kind: 'auditor-accreditation-lapsed'; on: string };

/** The reason in English, as the API states it in `detail`. */
export function auditorConflictReason(conflict: AuditorConflict): string {
  switch (conflict.kind) {
    case 'same-organisation':
      return 'The auditor belongs to the landlord’s own organisation.';
    case 'declared-relation':
      return `The auditor declared a relation with the landlord: ${conflict.description}`;
    case 'body-not-accredited':
      return 'The inspection body has no accreditation on record.';
    case 'body-accreditation-lapsed':
      return `The inspection body’s accreditation lapsed on ${conflict.on}.`;
    case 'auditor-accreditation-lapsed':
      return `The auditor’s accreditation lapsed on ${conflict.on}.`;
    default:
      return assertUnreachable(conflict, 'auditor conflict');
  }
}

/** What a refusal carries besides its code, for a page that lists the specifics. */
export interface InspectionExceptionData {
  /** Every reason the auditor may not do the inspection (the two auditor codes). */
  conflicts?: AuditorConflict[];
  /** The open knock-out and major findings that stop a grant. */
  blockingFindings?: { criterionCode: string; severity: Severity }[];
  /** Measured criteria whose measurement supports no resident. */
  criteriaSupportingNobody?: string[];
  /** The status the inspection was in when a move was refused. */
  status?: InspectionStatus;
}

/** Not found, with the generic detail `<what> was not found.` that clients already know. */
export function inspectionNotFound(code: InspectionExceptionCode, what: string): InspectionException {
  return new InspectionException(code, `${what} was not found.`);
}

export class InspectionException extends FeatureException<InspectionExceptionCode> {
  readonly feature = 'inspections';

  constructor(
    code: InspectionExceptionCode,
    detail: string,
    readonly data: InspectionExceptionData = {},
  ) {
    super(code, inspectionExceptionKind(code), detail);
  }
}

export function inspectionExceptionKind(code: InspectionExceptionCode): AppErrorCode {
  switch (code) {
    case InspectionExceptionCode.InspectionNotFound:
    case InspectionExceptionCode.CriterionNotFound:
    case InspectionExceptionCode.EvidenceNotFound:
    case InspectionExceptionCode.NotDecided:
    case InspectionExceptionCode.FindingNotFound:
    case InspectionExceptionCode.RepairReportNotFound:
      return AppErrorCode.NotFound;
    case InspectionExceptionCode.NotCertifier:
    case InspectionExceptionCode.FourEyes:
    case InspectionExceptionCode.NotRepairReporter:
    case InspectionExceptionCode.NotRepairReviewer:
    case InspectionExceptionCode.RevisedDecider:
      return AppErrorCode.Forbidden;
    case InspectionExceptionCode.AuditorConflictOfInterest:
    case InspectionExceptionCode.AuditorNotAccredited:
    case InspectionExceptionCode.RelationAlreadyDeclared:
    case InspectionExceptionCode.AnswersFrozen:
    case InspectionExceptionCode.AlreadySubmitted:
    case InspectionExceptionCode.IllegalTransition:
    case InspectionExceptionCode.AlreadyDecided:
    case InspectionExceptionCode.NotSubmitted:
    case InspectionExceptionCode.OpenSeriousFindings:
    case InspectionExceptionCode.CriterionSupportsNobody:
    case InspectionExceptionCode.FindingClosed:
    case InspectionExceptionCode.RepairAwaitingReview:
    case InspectionExceptionCode.NoRepairToReview:
    case InspectionExceptionCode.DecisionNotInForce:
    case InspectionExceptionCode.KnockOutNeedsReinspection:
      return AppErrorCode.Conflict;
    default:
      return assertUnreachable(code, 'inspection exception code');
  }
}
