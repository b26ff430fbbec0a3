import type { InspectionKind } from '@keurmerk/inspections';
import type { InspectionResult } from '@keurmerk/norm';
import { html, type Html } from '../layout';
import type { WebContext } from '../web-context';
import { sharedText } from './shared.texts';

/* What the auditor's, the certifier's, the landlord's and the administrator's pages say alike about an inspection. */

export function kindText(web: WebContext, kind: InspectionKind): string {
  return sharedText(web).inspectionKinds[kind] ?? kind;
}

export function personsText(web: WebContext, persons: number): string {
  return persons === 1 ? sharedText(web).supports1Person : sharedText(web).supportsPersons(persons);
}

export function resultFigures(
  web: WebContext,
  result: Pick<InspectionResult, 'score' | 'knockOuts' | 'majors' | 'minors' | 'maximumResidents'>,
): Html {
  const text = sharedText(web);
  return html`<ul class="stats">
    <li><strong>${result.maximumResidents}</strong> ${text.maximumResidents}</li>
    <li><strong>${result.score}</strong> ${text.scoreOf100}</li>
    <li><strong>${result.knockOuts}</strong> ${text.knockOuts}</li>
    <li><strong>${result.majors}</strong> ${text.majors}</li>
    <li><strong>${result.minors}</strong> ${text.minors}</li>
  </ul>`;
}
