import { badge, type Html } from './layout';
import { t, type WebContext } from './web-context';

type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
type Label = [nl: string, en: string, tone: Tone];

/** Every status the app shows, in both languages, with the tone of its badge. */
const STATUS_LABELS: Record<string, Record<string, Label>> = {
  certificate: {
    uitgifte: ['Wordt uitgegeven', 'Being issued', 'info'],
    geldig: ['Geldig', 'Valid', 'ok'],
    geschorst: ['Geschorst', 'Suspended', 'warn'],
    ingetrokken: ['Ingetrokken', 'Withdrawn', 'bad'],
    verlopen: ['Verlopen', 'Expired', 'neutral'],
  },
  inspection: {
    gepland: ['Gepland', 'Planned', 'info'],
    'in-uitvoering': ['In uitvoering', 'In progress', 'warn'],
    ingediend: ['Ingediend', 'Submitted', 'info'],
    besloten: ['Besloten', 'Decided', 'ok'],
  },
  finding: {
    open: ['Open', 'Open', 'bad'],
    'herstel-gemeld': ['Herstel gemeld', 'Repair reported', 'warn'],
    gesloten: ['Gesloten', 'Closed', 'ok'],
  },
  application: {
    ingediend: ['Ingediend', 'Submitted', 'info'],
    'in-behandeling': ['In behandeling', 'In progress', 'warn'],
    afgerond: ['Afgerond', 'Completed', 'ok'],
    ingetrokken: ['Ingetrokken', 'Withdrawn', 'neutral'],
  },
  complaint: {
    ontvangen: ['Ontvangen', 'Received', 'info'],
    'in-behandeling': ['In behandeling', 'In progress', 'warn'],
    afgehandeld: ['Afgehandeld', 'Closed', 'ok'],
  },
  delivery: {
    pending: ['Wacht', 'Pending', 'info'],
    delivered: ['Afgeleverd', 'Delivered', 'ok'],
    failed: ['Mislukt, opnieuw', 'Failed, retrying', 'warn'],
    abandoned: ['Opgegeven', 'Abandoned', 'bad'],
  },
  norm: {
    draft: ['Concept', 'Draft', 'warn'],
    published: ['Gepubliceerd', 'Published', 'ok'],
  },
  severity: {
    'knock-out': ['Knock-out', 'Knock-out', 'bad'],
    major: ['Major', 'Major', 'warn'],
    minor: ['Minor', 'Minor', 'neutral'],
  },
};

export type StatusKind = keyof typeof STATUS_LABELS;

export function statusText(context: WebContext, kind: StatusKind, status: string): string {
  const label = STATUS_LABELS[kind]?.[status];
  return label ? t(context, label[0], label[1]) : status;
}

export function statusBadge(context: WebContext, kind: StatusKind, status: string): Html {
  const label = STATUS_LABELS[kind]?.[status];
  return badge(label ? t(context, label[0], label[1]) : status, label?.[2] ?? 'neutral');
}
