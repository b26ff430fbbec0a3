import { csrfField, type FieldErrors, html, type Html } from '../layout';
import { type WebContext } from '../web-context';
import { certifierText } from './certifier.texts';

/** One outcome to choose: the value posted as `uitkomst`, and its words. */
export interface OutcomeChoice {
  value: string;
  label: string;
}

/** What differs between the certifier's two decisions: the decision on an inspection and the one on an objection. */
export interface DecisionFormParts {
  action: string;
  /** Always two: grant or refuse, upheld or rejected. */
  choices: readonly [OutcomeChoice, OutcomeChoice];
  /** The API's limit on the explanation of this kind of decision. */
  explanationMaxLength: number;
  /** What this kind of decision asks besides outcome and explanation, shown before the button. */
  extra: Html;
  submit: string;
  errors?: FieldErrors;
  typed?: { uitkomst: string; toelichting: string };
}

function outcomeChoice(choice: OutcomeChoice, chosen: string): Html {
  return html`<label><input type="radio" name="uitkomst" value="${choice.value}"${
    chosen === choice.value ? html` checked` : ''
  }> ${choice.label}</label>`;
}

/**
 * A certifier's decision: an outcome, an explanation that goes into the landlord's file, and what the kind of decision
 * adds. One form for both kinds, so their field names (which both controllers read) and error links cannot drift apart.
 */
export function decisionForm(web: WebContext, parts: DecisionFormParts): Html {
  const errors = parts.errors ?? {};
  const outcome = parts.typed?.uitkomst ?? '';
  return html`<form method="post" action="${parts.action}" class="decision-form">
  ${csrfField(web)}
  <fieldset class="field${errors.uitkomst ? ' field--error' : ''}" id="veld-uitkomst"${
    errors.uitkomst ? html` aria-describedby="veld-uitkomst-fout"` : ''
  }>
    <legend>${certifierText(web).outcome}</legend>
    ${errors.uitkomst ? html`<p class="error" id="veld-uitkomst-fout">${errors.uitkomst}</p>` : ''}
    <div class="choices">
      ${outcomeChoice(parts.choices[0], outcome)}
      ${outcomeChoice(parts.choices[1], outcome)}
    </div>
  </fieldset>
  <div class="field${errors.toelichting ? ' field--error' : ''}">
    <label for="veld-toelichting">${certifierText(web).explanation}</label>
    <p class="hint" id="veld-toelichting-hint">${certifierText(web).goesIntoFileVisibleLandlord}</p>
    ${errors.toelichting ? html`<p class="error" id="veld-toelichting-fout">${errors.toelichting}</p>` : ''}
    <textarea id="veld-toelichting" name="toelichting" maxlength="${String(parts.explanationMaxLength)}" required
      aria-describedby="veld-toelichting-hint${errors.toelichting ? ' veld-toelichting-fout' : ''}"${
        errors.toelichting ? html` aria-invalid="true"` : ''
      }>${parts.typed?.toelichting ?? ''}</textarea>
  </div>
  ${parts.extra}
  <button type="submit">${parts.submit}</button>
</form>`;
}
