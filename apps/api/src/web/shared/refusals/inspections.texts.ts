import { assertUnreachable } from '@keurmerk/common';
import { type AuditorConflict, InspectionExceptionCode } from '@keurmerk/inspections';
import type { RefusalText } from '../refusal-texts';

/**
 * The audit workflow's refusals, for the person on the page. The specifics (which findings are open,
 * why an auditor may not go) travel as data on the exception; a page lists them beside this sentence.
 */
export function inspectionsRefusalText(code: InspectionExceptionCode): RefusalText {
  switch (code) {
    case InspectionExceptionCode.InspectionNotFound:
      return {
        nl: 'Deze keuring bestaat niet, of u heeft er geen toegang toe.',
        en: 'This inspection does not exist, or you do not have access to it.',
      };
    case InspectionExceptionCode.CriterionNotFound:
      return { nl: 'Dit criterium staat niet in de norm van deze keuring.', en: 'This criterion is not in the norm of this inspection.' };
    case InspectionExceptionCode.EvidenceNotFound:
      return { nl: 'Dit bestand hoort niet bij deze keuring.', en: 'This file does not belong to this inspection.' };
    case InspectionExceptionCode.NotDecided:
      return { nl: 'Over deze keuring is nog niet besloten.', en: 'This inspection has not been decided yet.' };
    case InspectionExceptionCode.FindingNotFound:
      return {
        nl: 'Deze bevinding bestaat niet, of u heeft er geen toegang toe.',
        en: 'This finding does not exist, or you do not have access to it.',
      };
    case InspectionExceptionCode.RepairReportNotFound:
      return { nl: 'Deze herstelmelding hoort niet bij deze bevinding.', en: 'This repair report does not belong to this finding.' };
    case InspectionExceptionCode.AuditorConflictOfInterest:
      return {
        nl: 'Deze auditor kan deze keuring niet doen: er is een belangenconflict met de verhuurder. Kies een andere auditor.',
        en: 'This auditor cannot do this inspection: there is a conflict of interest with the landlord. Choose another auditor.',
      };
    case InspectionExceptionCode.AuditorNotAccredited:
      return {
        nl: 'Deze auditor kan deze keuring niet doen: de accreditatie is op die datum niet geldig. Kies een andere auditor.',
        en: 'This auditor cannot do this inspection: the accreditation is not valid on that date. Choose another auditor.',
      };
    case InspectionExceptionCode.RelationAlreadyDeclared:
      return { nl: 'Deze relatie is al eerder vastgelegd.', en: 'This relation has already been recorded.' };
    case InspectionExceptionCode.AnswersFrozen:
      return {
        nl: 'De keuring is al ingediend; antwoorden en foto’s kunnen niet meer veranderen.',
        en: 'The inspection has already been submitted; answers and photos can no longer change.',
      };
    case InspectionExceptionCode.AlreadySubmitted:
      return { nl: 'De keuring is al ingediend.', en: 'The inspection has already been submitted.' };
    case InspectionExceptionCode.IllegalTransition:
      return {
        nl: 'Dat kan in deze fase van de keuring niet. Laad de pagina opnieuw.',
        en: 'That is not possible at this stage of the inspection. Reload the page.',
      };
    case InspectionExceptionCode.NotCertifier:
      return { nl: 'Alleen een certificeerder besluit over een keuring.', en: 'Only a certifier decides on an inspection.' };
    case InspectionExceptionCode.FourEyes:
      return {
        nl: 'U was de auditor van deze keuring. Een andere certificeerder moet hierover beslissen (vier-ogenprincipe).',
        en: 'You were the auditor of this inspection. Another certifier must decide on it (four-eyes principle).',
      };
    case InspectionExceptionCode.AlreadyDecided:
      return { nl: 'Over deze keuring is intussen al besloten.', en: 'This inspection has been decided in the meantime.' };
    case InspectionExceptionCode.NotSubmitted:
      return {
        nl: 'De auditor heeft deze keuring nog niet ingediend; pas daarna kunt u besluiten.',
        en: 'The auditor has not submitted this inspection yet; you can decide only after that.',
      };
    case InspectionExceptionCode.OpenSeriousFindings:
      return {
        nl: 'Het certificaat kan niet worden toegekend: er staan nog knock-out- of major-bevindingen open.',
        en: 'The certificate cannot be granted: knock-out or major findings are still open.',
      };
    case InspectionExceptionCode.CriterionSupportsNobody:
      return {
        nl: 'Het certificaat kan niet worden toegekend: een gemeten criterium ondersteunt niemand.',
        en: 'The certificate cannot be granted: a measured criterion supports nobody.',
      };
    case InspectionExceptionCode.NotRepairReporter:
      return { nl: 'Alleen de verhuurder meldt een herstel.', en: 'Only the landlord reports a repair.' };
    case InspectionExceptionCode.NotRepairReviewer:
      return {
        nl: 'Alleen een auditor of een certificeerder beoordeelt een herstel.',
        en: 'Only an auditor or a certifier judges a repair.',
      };
    case InspectionExceptionCode.FindingClosed:
      return { nl: 'Deze bevinding is al gesloten.', en: 'This finding has already been closed.' };
    case InspectionExceptionCode.RepairAwaitingReview:
      return {
        nl: 'Voor deze bevinding wacht al een herstelmelding op beoordeling.',
        en: 'A repair report for this finding is already awaiting review.',
      };
    case InspectionExceptionCode.NoRepairToReview:
      return { nl: 'Over dit herstel is intussen al geoordeeld.', en: 'This repair has been judged in the meantime.' };
    case InspectionExceptionCode.RevisedDecider:
      return {
        nl: 'Uw eerdere besluit over deze keuring is na bezwaar herzien. Een andere certificeerder beslist opnieuw.',
        en: 'Your earlier decision on this inspection was revised after an objection. Another certifier decides anew.',
      };
    case InspectionExceptionCode.DecisionNotInForce:
      return {
        nl: 'Dit besluit geldt niet meer (het is al herzien); het kan niet opnieuw worden geopend.',
        en: 'This decision is no longer in force (it has been revised already); it cannot be reopened.',
      };
    case InspectionExceptionCode.KnockOutNeedsReinspection:
      return {
        nl:
          'Een knock-out-bevinding sluit alleen na een herinspectie waarbij dit criterium voldoet, ' +
          'niet door een herstelmelding goed te keuren.',
        en: 'A knock-out finding closes only after a re-inspection in which this criterion passes, not by accepting a repair report.',
      };
    default:
      return assertUnreachable(code, 'inspection exception code');
  }
}

/**
 * One reason an auditor may not do an inspection, as the planning page lists it (the refusal's
 * `data.conflicts`, or InspectionService.auditorConflicts for a check while choosing).
 */
export function auditorConflictText(conflict: AuditorConflict): RefusalText {
  switch (conflict.kind) {
    case 'same-organisation':
      return {
        nl: 'De auditor hoort bij de organisatie van de verhuurder zelf.',
        en: 'The auditor belongs to the landlord’s own organisation.',
      };
    case 'declared-relation':
      return {
        nl: `De auditor heeft een relatie met de verhuurder verklaard: ${conflict.description}`,
        en: `The auditor declared a relation with the landlord: ${conflict.description}`,
      };
    case 'body-not-accredited':
      return {
        nl: 'Van de inspectie-instelling van de auditor is geen accreditatie bekend.',
        en: 'The inspection body has no accreditation on record.',
      };
    case 'body-accreditation-lapsed':
      return {
        nl: `De accreditatie van de inspectie-instelling is verlopen op ${conflict.on}.`,
        en: `The inspection body’s accreditation lapsed on ${conflict.on}.`,
      };
    case 'auditor-accreditation-lapsed':
      return {
        nl: `De persoonlijke accreditatie van de auditor is verlopen op ${conflict.on}.`,
        en: `The auditor’s accreditation lapsed on ${conflict.on}.`,
      };
    default:
      return assertUnreachable(conflict, 'auditor conflict');
  }
}
