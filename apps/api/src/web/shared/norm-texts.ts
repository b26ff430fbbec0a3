import { type Criterion, findCriterion, localisedGuidance, localisedTitle, type NormVersion, normTextLanguage } from '@keurmerk/norm';
import { html, type Html } from '../layout';
import type { WebContext } from '../web-context';

/**
 * A norm's texts in the language the person chose, where the norm carries it (2026.1 carries English
 * beside its Dutch); marked with its own `lang` when it falls back to Dutch, so a screen reader reads it
 * as Dutch.
 */
export function normTitle(web: Pick<WebContext, 'language'>, item: Parameters<typeof localisedTitle>[0]): Html {
  const language = normTextLanguage(item, web.language);
  const title = localisedTitle(item, web.language);
  return language === web.language ? html`${title}` : html`<span lang="${language}">${title}</span>`;
}

/** The criterion's guidance as a paragraph, in the person's language where the norm has it. */
export function normGuidance(web: Pick<WebContext, 'language'>, criterion: Criterion): Html {
  return html`<p lang="${normTextLanguage(criterion, web.language)}">${localisedGuidance(criterion, web.language)}</p>`;
}

/** The title of the criterion with `code` in `norm`, as text (for tables and lists); empty when the norm lacks it. */
export function criterionTitleText(web: Pick<WebContext, 'language'>, norm: NormVersion, code: string): string {
  const criterion = findCriterion(norm, code);
  return criterion ? localisedTitle(criterion, web.language) : '';
}
