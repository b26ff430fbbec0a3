import type { PublicCertificate } from '@keurmerk/certificates';
import { type LocationEntity, MAX_REASON_LENGTH, MAX_REQUESTED_BEDS, MIN_REQUESTED_BEDS } from '@keurmerk/locations';
import { HOUSING_TYPES } from '@keurmerk/norm';
import { csrfField, field, type FieldErrors, type Html, html } from '../layout';
import { sharedText } from '../shared/shared.texts';
import { formatDate, type WebContext } from '../web-context';
import { landlordText } from './landlord.texts';

/** What came back with a refused change or deregistration form. */
export interface OperationForm {
  form: 'wijzigen' | 'afmelden';
  values: Record<string, string>;
  errors: FieldErrors;
}

export function changePath(locationId: string): string {
  return `/app/locaties/${locationId}/wijzigen`;
}

export function deregisterPath(locationId: string): string {
  return `/app/locaties/${locationId}/afmelden`;
}

function errorText(errors: FieldErrors, name: string): Html | string {
  return errors[name] ? html`<p class="error" id="veld-${name}-fout">${errors[name]}</p>` : '';
}

/** Beds, housing type and new build, with what a material change means said before it is made. */
export function changeSection(web: WebContext, location: LocationEntity, returned?: OperationForm): Html {
  const own = returned?.form === 'wijzigen' ? returned : undefined;
  const errors = own?.errors ?? {};
  const value = (name: string, current: string) => own?.values[name] ?? current;
  const type = value('soortHuisvesting', location.housingType);
  const newBuild = value('nieuwbouw', location.newBuild ? 'ja' : 'nee');
  const texts = landlordText(web);
  const housingTypes = sharedText(web).housingTypes;
  return html`<section class="card" aria-labelledby="wijzigen"><h2 id="wijzigen">${texts.changeTheLocation}</h2>
  <p class="hint">${texts.changeExplanation}</p>
  <form method="post" action="${changePath(location.id)}" class="change-form" novalidate>
    ${csrfField(web)}
    ${field({
      name: 'aantalSlaapplaatsen',
      label: texts.numberOfBeds,
      value: value('aantalSlaapplaatsen', String(location.requestedBeds)),
      error: errors.aantalSlaapplaatsen,
      type: 'number',
      inputmode: 'numeric',
      required: true,
      attributes: html` class="short" min="${MIN_REQUESTED_BEDS}" max="${MAX_REQUESTED_BEDS}"`,
    })}
    <div class="field${errors.soortHuisvesting ? ' field--error' : ''}">
      <label for="veld-soortHuisvesting">${texts.kindOfHousing}</label>
      ${errorText(errors, 'soortHuisvesting')}
      <select id="veld-soortHuisvesting" name="soortHuisvesting"${
        errors.soortHuisvesting ? html` aria-invalid="true" aria-describedby="veld-soortHuisvesting-fout"` : ''
      }>
        ${HOUSING_TYPES.map(
          (option) => html`<option value="${option}"${option === type ? html` selected` : ''}>${housingTypes[option] ?? option}</option>`,
        )}
      </select>
    </div>
    <fieldset class="field" id="veld-nieuwbouw">
      <legend>${texts.isNewBuild}</legend>
      <div class="choices">
        <label><input type="radio" name="nieuwbouw" value="nee"${newBuild === 'nee' ? html` checked` : ''}> ${texts.no}</label>
        <label><input type="radio" name="nieuwbouw" value="ja"${newBuild === 'ja' ? html` checked` : ''}> ${texts.yes}</label>
      </div>
    </fieldset>
    <div class="actions"><button type="submit">${texts.saveChanges}</button></div>
  </form>
</section>`;
}

/** Deregistration: what will happen, in a list, and a box to tick before it does. */
export function deregisterSection(
  web: WebContext,
  location: LocationEntity,
  current: PublicCertificate | undefined,
  returned?: OperationForm,
): Html {
  const own = returned?.form === 'afmelden' ? returned : undefined;
  const errors = own?.errors ?? {};
  const texts = landlordText(web);
  return html`<section class="card card--danger" aria-labelledby="afmelden"><h2 id="afmelden">${texts.deregisterTheLocation}</h2>
  <p>${texts.deregisterExplanation}</p>
  <ul class="consequences">
    ${current ? html`<li>${texts.deregisterWillWithdraw(current.number)}</li>` : ''}
    <li>${texts.deregisterFreesAddress}</li>
    <li>${texts.deregisterEndsApplication}</li>
  </ul>
  <form method="post" action="${deregisterPath(location.id)}" class="deregister-form" novalidate>
    ${csrfField(web)}
    <div class="field${errors.reden ? ' field--error' : ''}">
      <label for="veld-reden">${texts.reasonForDeregistration}</label>
      <p class="hint" id="veld-reden-hint">${texts.reasonForDeregistrationHint}</p>
      ${errorText(errors, 'reden')}
      <textarea id="veld-reden" name="reden" maxlength="${MAX_REASON_LENGTH}" required aria-describedby="veld-reden-hint${
        errors.reden ? ' veld-reden-fout' : ''
      }"${errors.reden ? html` aria-invalid="true"` : ''}>${own?.values.reden ?? ''}</textarea>
    </div>
    <div class="field${errors.bevestigd ? ' field--error' : ''}">
      ${errorText(errors, 'bevestigd')}
      <label class="check"><input type="checkbox" id="veld-bevestigd" name="bevestigd" value="ja" required${
        errors.bevestigd ? html` aria-invalid="true" aria-describedby="veld-bevestigd-fout"` : ''
      }> ${texts.iUnderstandDeregistration}</label>
    </div>
    <div class="actions"><button type="submit" class="button--danger">${texts.deregisterTheLocation}</button></div>
  </form>
</section>`;
}

/** A deregistered location says so where the forms were. */
export function deregisteredNotice(web: WebContext, location: LocationEntity): Html {
  return html`<section class="card" aria-labelledby="afgemeld"><h2 id="afgemeld">${landlordText(web).deregistered}</h2>
  <p>${landlordText(web).deregisteredOn(formatDate(web, location.deregisteredAt!), location.deregistrationReason ?? '')}</p>
</section>`;
}
