import type { MailLanguage } from './mail.entities';

/**
 * The texts of every mail, in Dutch and English: plain sentences, what happened, what to do and by
 * when, and one link into the web app. Pure functions of their data, so a test reads them as a person
 * would. A mail is plain text; the link is on a line of its own so every mail program makes it clickable.
 */

export interface RenderedMail {
  subject: string;
  text: string;
}

export interface FindingLine {
  criterionCode: string;
  severity: string;
  repairDeadline: string | null;
  remark: string | null;
}

export type MailContent =
  | { template: 'password-reset'; name: string; link: string; validMinutes: number }
  | { template: 'inspection-announced'; name: string; address: string; plannedAt: Date; kind: string; link: string }
  | {
      template: 'inspection-decided';
      name: string;
      address: string;
      outcome: 'toekennen' | 'afwijzen';
      explanation: string;
      findings: FindingLine[];
      link: string;
    }
  | { template: 'repair-reminder'; name: string; address: string; finding: FindingLine; link: string }
  | {
      template:
        'certificate-issued' | 'certificate-replaced' | 'certificate-suspended' | 'certificate-reinstated' | 'certificate-withdrawn';
      name: string;
      address: string;
      number: string;
      reason: string;
      validUntil: string;
      link: string;
    }
  | { template: 'certificate-expiring'; name: string; address: string; number: string; validUntil: string; days: 90 | 30; link: string }
  | { template: 'objection-received'; name: string; subject: string; link: string }
  | { template: 'objection-decided'; name: string; subject: string; upheld: boolean; explanation: string; link: string };

export type MailTemplate = MailContent['template'];

const SIGNATURE = {
  nl:
    'Met vriendelijke groet,\nKeurmerk huisvesting arbeidsmigranten\n\nDit bericht is automatisch verstuurd; een antwoord hierop ' +
    'wordt niet gelezen.',
  en: 'Kind regards,\nKeurmerk, the quality mark for labour-migrant housing\n\nThis message was sent automatically; replies are not read.',
};

/** 9 december 2026 / 9 December 2026, for a calendar date (YYYY-MM-DD). */
export function formatDate(date: string, language: MailLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** dinsdag 9 december 2026 om 10:00 / Tuesday 9 December 2026 at 10:00, in Amsterdam time. */
export function formatMoment(moment: Date, language: MailLanguage): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(moment);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' }).format(
    moment,
  );
  return `${day} ${language === 'nl' ? 'om' : 'at'} ${time}`;
}

const SEVERITY: Record<MailLanguage, Record<string, string>> = {
  nl: { ko: 'knock-out', major: 'ernstig', minor: 'licht' },
  en: { ko: 'knock-out', major: 'major', minor: 'minor' },
};

function findingLine(f: FindingLine, language: MailLanguage): string {
  const severity = SEVERITY[language][f.severity] ?? f.severity;
  const deadline = f.repairDeadline
    ? language === 'nl'
      ? `herstellen vóór ${formatDate(f.repairDeadline, language)}`
      : `repair by ${formatDate(f.repairDeadline, language)}`
    : language === 'nl'
      ? 'geen hersteltermijn'
      : 'no repair deadline';
  const remark = f.remark ? `\n    ${f.remark.replace(/\s+/g, ' ').trim()}` : '';
  return `  - ${f.criterionCode} (${severity}): ${deadline}${remark}`;
}

function greeting(name: string, language: MailLanguage): string {
  return language === 'nl' ? `Beste ${name},` : `Dear ${name},`;
}

function compose(language: MailLanguage, name: string, paragraphs: string[], linkLabel: string, link: string): string {
  return [greeting(name, language), ...paragraphs, `${linkLabel}\n${link}`, SIGNATURE[language]].join('\n\n') + '\n';
}

const KIND: Record<MailLanguage, Record<string, string>> = {
  nl: { initieel: 'eerste keuring', periodiek: 'periodieke keuring', herinspectie: 'herinspectie', onaangekondigd: 'keuring' },
  en: { initieel: 'first inspection', periodiek: 'periodic inspection', herinspectie: 're-inspection', onaangekondigd: 'inspection' },
};

export function renderMail(content: MailContent, language: MailLanguage): RenderedMail {
  const nl = language === 'nl';
  switch (content.template) {
    case 'password-reset':
      return {
        subject: nl ? 'Nieuw wachtwoord instellen voor Keurmerk' : 'Set a new password for Keurmerk',
        text: compose(
          language,
          content.name,
          [
            nl
              ? 'Iemand heeft gevraagd om het wachtwoord van uw Keurmerk-account opnieuw in te stellen. Was u dat, open dan de link ' +
                'hieronder en kies een nieuw wachtwoord.'
              : 'Someone asked to reset the password of your Keurmerk account. If that was you, open the link below and choose a new ' +
                'password.',
            nl
              ? `De link werkt één keer en is ${content.validMinutes} minuten geldig. Na het instellen wordt u overal afgemeld.`
              : `The link works once and is valid for ${content.validMinutes} minutes. Once you set it, you are signed out everywhere.`,
            nl
              ? 'Heeft u dit niet gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft zoals het is.'
              : 'Did you not ask for this? Then do nothing: your password stays as it is.',
          ],
          nl ? 'Nieuw wachtwoord instellen:' : 'Set a new password:',
          content.link,
        ),
      };
    case 'inspection-announced': {
      const when = formatMoment(content.plannedAt, language);
      const kind = KIND[language][content.kind] ?? content.kind;
      return {
        subject: nl ? `Keuring aangekondigd: ${content.address}, ${when}` : `Inspection announced: ${content.address}, ${when}`,
        text: compose(
          language,
          content.name,
          [
            nl ? `Er is een ${kind} gepland van ${content.address} op ${when}.` : `A ${kind} of ${content.address} is planned for ${when}.`,
            nl
              ? 'Zorg dat de auditor op dat moment alle ruimten kan bekijken en dat de bewoners weten dat hij komt.'
              : 'Make sure the auditor can see every room at that time and that the residents know the visit is coming.',
          ],
          nl ? 'Bekijk de locatie:' : 'View the location:',
          content.link,
        ),
      };
    }
    case 'inspection-decided': {
      const granted = content.outcome === 'toekennen';
      const findings =
        content.findings.length === 0
          ? [nl ? 'Er zijn geen bevindingen.' : 'There are no findings.']
          : [
              (nl ? 'Bevindingen en hersteltermijnen:\n' : 'Findings and repair deadlines:\n') +
                content.findings.map((f) => findingLine(f, language)).join('\n'),
              nl
                ? 'Meld elk herstel vóór de termijn in de webapp, met een foto of document als bewijs.'
                : 'Report each repair before its deadline in the web app, with a photo or document as evidence.',
            ];
      return {
        subject: nl
          ? `Besluit na keuring: ${content.address} (${granted ? 'toegekend' : 'afgewezen'})`
          : `Decision after inspection: ${content.address} (${granted ? 'granted' : 'refused'})`,
        text: compose(
          language,
          content.name,
          [
            nl
              ? `De certificeerder heeft besloten over de keuring van ${content.address}: het keurmerk is ` +
                `${granted ? 'toegekend' : 'afgewezen'}.`
              : `The certifier has decided on the inspection of ${content.address}: the quality mark is ` +
                `${granted ? 'granted' : 'refused'}.`,
            (nl ? 'Toelichting:\n' : 'Explanation:\n') + content.explanation,
            ...findings,
          ],
          nl ? 'Bekijk de keuring en de bevindingen:' : 'View the inspection and the findings:',
          content.link,
        ),
      };
    }
    case 'repair-reminder': {
      const deadline = formatDate(content.finding.repairDeadline ?? '', language);
      return {
        subject: nl ? `Herinnering: herstel vóór ${deadline} (${content.address})` : `Reminder: repair by ${deadline} (${content.address})`,
        text: compose(
          language,
          content.name,
          [
            nl
              ? `De hersteltermijn van een bevinding op ${content.address} loopt over vijf werkdagen af:`
              : `The repair deadline of a finding at ${content.address} ends in five working days:`,
            findingLine(content.finding, language),
            nl
              ? 'Meld het herstel in de webapp. Verloopt de termijn zonder herstel, dan kan het certificaat worden geschorst.'
              : 'Report the repair in the web app. If the deadline passes without a repair, the certificate may be suspended.',
          ],
          nl ? 'Herstel melden:' : 'Report the repair:',
          content.link,
        ),
      };
    }
    case 'certificate-issued':
    case 'certificate-replaced':
    case 'certificate-suspended':
    case 'certificate-reinstated':
    case 'certificate-withdrawn': {
      const what = CERTIFICATE_CHANGE[content.template][language];
      const validUntil = formatDate(content.validUntil, language);
      return {
        subject: `${what.subject} ${content.number} (${content.address})`,
        text: compose(
          language,
          content.name,
          [
            what.sentence(content.number, content.address, validUntil),
            ...(content.reason ? [(nl ? 'Reden: ' : 'Reason: ') + content.reason] : []),
            what.next,
          ],
          nl ? 'Bekijk het certificaat:' : 'View the certificate:',
          content.link,
        ),
      };
    }
    case 'certificate-expiring': {
      const validUntil = formatDate(content.validUntil, language);
      return {
        subject: nl ? `Certificaat ${content.number} verloopt op ${validUntil}` : `Certificate ${content.number} expires on ${validUntil}`,
        text: compose(
          language,
          content.name,
          [
            nl
              ? `Het certificaat ${content.number} van ${content.address} is geldig tot en met ${validUntil}, nog ongeveer ` +
                `${content.days} dagen.`
              : `Certificate ${content.number} of ${content.address} is valid up to and including ${validUntil}, about ${content.days} ` +
                `more days.`,
            nl
              ? 'Voor een nieuw certificaat is een herinspectie nodig. Zorg dat die op tijd gepland kan worden.'
              : 'A new certificate needs a re-inspection. Make sure it can be planned in time.',
          ],
          nl ? 'Bekijk de locatie:' : 'View the location:',
          content.link,
        ),
      };
    }
    case 'objection-received':
      return {
        subject: nl ? `Bezwaar ontvangen: ${content.subject}` : `Objection received: ${content.subject}`,
        text: compose(
          language,
          content.name,
          [
            nl ? `Wij hebben uw bezwaar ontvangen over: ${content.subject}.` : `We have received your objection about: ${content.subject}.`,
            nl
              ? 'Een certificeerder die niet bij het besluit betrokken was, beoordeelt het. U krijgt bericht van de uitkomst.'
              : 'A certifier who was not involved in the decision reviews it. You will hear of the outcome.',
          ],
          nl ? 'Bekijk uw bezwaar:' : 'View your objection:',
          content.link,
        ),
      };
    case 'objection-decided':
      return {
        subject: nl ? `Besluit op bezwaar: ${content.subject}` : `Decision on objection: ${content.subject}`,
        text: compose(
          language,
          content.name,
          [
            nl
              ? `Uw bezwaar over ${content.subject} is ${content.upheld ? 'gegrond' : 'ongegrond'} verklaard.`
              : `Your objection about ${content.subject} has been ${content.upheld ? 'upheld' : 'dismissed'}.`,
            (nl ? 'Toelichting:\n' : 'Explanation:\n') + content.explanation,
          ],
          nl ? 'Bekijk het besluit:' : 'View the decision:',
          content.link,
        ),
      };
  }
}

const CERTIFICATE_CHANGE: Record<
  'certificate-issued' | 'certificate-replaced' | 'certificate-suspended' | 'certificate-reinstated' | 'certificate-withdrawn',
  Record<MailLanguage, { subject: string; sentence: (number: string, address: string, validUntil: string) => string; next: string }>
> = {
  'certificate-issued': {
    nl: {
      subject: 'Certificaat afgegeven:',
      sentence: (n, a, v) => `Het certificaat ${n} voor ${a} is afgegeven. Het is geldig tot en met ${v}.`,
      next: 'U kunt het ondertekende certificaat (PDF) downloaden in de webapp. Iedereen kan het controleren op het certificaatnummer.',
    },
    en: {
      subject: 'Certificate issued:',
      sentence: (n, a, v) => `Certificate ${n} for ${a} has been issued. It is valid up to and including ${v}.`,
      next: 'You can download the signed certificate (PDF) in the web app. Anyone can check it by its number.',
    },
  },
  'certificate-replaced': {
    nl: {
      subject: 'Certificaat vervangen:',
      sentence: (n, a) => `Het certificaat ${n} voor ${a} is vervangen door een nieuw certificaat.`,
      next: 'Gebruik vanaf nu het nieuwe certificaat; het oude is niet meer geldig.',
    },
    en: {
      subject: 'Certificate replaced:',
      sentence: (n, a) => `Certificate ${n} for ${a} has been replaced by a new certificate.`,
      next: 'From now on use the new certificate; the old one is no longer valid.',
    },
  },
  'certificate-suspended': {
    nl: {
      subject: 'Certificaat geschorst:',
      sentence: (n, a) => `Het certificaat ${n} voor ${a} is geschorst. Zolang de schorsing duurt, is het niet geldig.`,
      next: 'Herstel wat de reden van de schorsing is en meld dat in de webapp. U kunt bezwaar maken tegen de schorsing.',
    },
    en: {
      subject: 'Certificate suspended:',
      sentence: (n, a) => `Certificate ${n} for ${a} has been suspended. While it is suspended, it is not valid.`,
      next: 'Repair what the suspension is about and report it in the web app. You may object to the suspension.',
    },
  },
  'certificate-reinstated': {
    nl: {
      subject: 'Schorsing opgeheven:',
      sentence: (n, a, v) => `De schorsing van certificaat ${n} voor ${a} is opgeheven. Het is weer geldig, tot en met ${v}.`,
      next: 'U hoeft niets te doen.',
    },
    en: {
      subject: 'Suspension lifted:',
      sentence: (n, a, v) => `The suspension of certificate ${n} for ${a} has been lifted. It is valid again, up to and including ${v}.`,
      next: 'You need not do anything.',
    },
  },
  'certificate-withdrawn': {
    nl: {
      subject: 'Certificaat ingetrokken:',
      sentence: (n, a) => `Het certificaat ${n} voor ${a} is ingetrokken en is niet meer geldig.`,
      next: 'U kunt bezwaar maken tegen de intrekking, of een nieuwe aanvraag doen in de webapp.',
    },
    en: {
      subject: 'Certificate withdrawn:',
      sentence: (n, a) => `Certificate ${n} for ${a} has been withdrawn and is no longer valid.`,
      next: 'You may object to the withdrawal, or apply anew in the web app.',
    },
  },
};
