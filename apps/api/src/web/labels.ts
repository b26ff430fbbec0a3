import { badge, type Html } from './layout';
import { type WebContext } from './web-context';
import { sharedText } from './shared/shared.texts';

type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
/** The tone of each status's badge; its words are in the shared catalog (statuses). */
const STATUS_TONES = {
  certificate: { uitgifte: 'info', geldig: 'ok', geschorst: 'warn', ingetrokken: 'bad', verlopen: 'neutral', vervangen: 'neutral' },
  inspection: { gepland: 'info', 'in-uitvoering': 'warn', ingediend: 'info', besloten: 'ok' },
  finding: { open: 'bad', 'herstel-gemeld': 'warn', gesloten: 'ok' },
  /** An inspection's decision (its outcome), on the certifier's page and the landlord's report. */
  decision: { toekennen: 'ok', afwijzen: 'bad' },
  application: { ingediend: 'info', 'in-behandeling': 'warn', afgerond: 'ok', ingetrokken: 'neutral' },
  complaint: { ontvangen: 'info', 'in-behandeling': 'warn', afgehandeld: 'ok' },
  delivery: { pending: 'info', delivered: 'ok', failed: 'warn', abandoned: 'bad' },
  norm: { draft: 'warn', published: 'ok' },
  severity: { 'knock-out': 'bad', major: 'warn', minor: 'neutral' },
} satisfies Record<string, Record<string, Tone>>;

export type StatusKind = keyof typeof STATUS_TONES;

export function statusText(context: WebContext, kind: StatusKind, status: string): string {
  return (sharedText(context).statuses[kind] as Record<string, string>)[status] ?? status;
}

export function statusBadge(context: WebContext, kind: StatusKind, status: string): Html {
  return badge(statusText(context, kind, status), (STATUS_TONES[kind] as Record<string, Tone>)[status] ?? 'neutral');
}
