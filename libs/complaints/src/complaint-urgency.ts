/**
 * What may make a complaint urgent, for the beheerder's list: hints, not verdicts. A resident writes
 * in one of the information card's languages (nl, en, pl, ro, bg), so each hint has words in all five.
 */
export const URGENCY_HINTS = ['overbewoning', 'brandveiligheid', 'looninhouding'] as const;
export type UrgencyHint = (typeof URGENCY_HINTS)[number];

/**
 * Word beginnings per hint, written without diacritics (the text is compared without them too, so
 * `pożar`, `pozar`, `incendiu`, `stingător` and `stingator` all count). Each must start a word; it
 * may end anywhere (stems), unless a negative lookahead says otherwise.
 */
const WORDS: Record<UrgencyHint, string[]> = {
  overbewoning: [
    // nl
    'overbewoon',
    'overbewoning',
    'overvol',
    'te veel (mensen|personen|bewoners)',
    'te vol',
    'op de grond slapen',
    'slapen op de grond',
    'matras(sen)? op de (grond|vloer)',
    // en
    'overcrowd',
    'crowded',
    'too many (people|persons|residents|men|women)',
    'sleep(ing)? on the floor',
    // pl
    'przeludn',
    'za duzo (osob|ludzi)',
    'za wiele osob',
    'tlok',
    'spimy na podlodze',
    'spac na podlodze',
    // ro
    'supraaglomer',
    'prea multe persoane',
    'prea multi oameni',
    'aglomera',
    'dormim pe jos',
    'pe podea',
    // bg
    'пренаселен',
    'претъпкан',
    'твърде много хора',
    'спим на пода',
  ],
  brandveiligheid: [
    // nl
    'brand(?!schoon| new)',
    'rookmelder',
    'blusser',
    'brandblusser',
    'blusdeken',
    'nooduitgang',
    'vluchtweg',
    'koolmonoxide',
    'co-melder',
    'gaslucht',
    'gaslek',
    // en
    'fire(?!d)',
    'smoke (alarm|detector)',
    'extinguisher',
    'emergency exit',
    'carbon monoxide',
    'gas leak',
    'smell of gas',
    // pl
    'pozar',
    'ogien',
    'czujnik(a|i)? dymu',
    'gasnic',
    'wyjscie ewakuacyjne',
    'wyjscia ewakuacyjnego',
    'tlenek wegla',
    'czad',
    'wyciek gazu',
    // ro
    'incendi',
    'foc(ul)?(?![a-z])',
    'detector(ul)? de fum',
    'stingator',
    'iesire(a)? de urgenta',
    'monoxid',
    'miros de gaz',
    // bg
    'пожар',
    'огън',
    'датчик за дим',
    'пожарогасител',
    'авариен изход',
    'въглероден оксид',
    'изтичане на газ',
  ],
  looninhouding: [
    // nl
    'inhouding',
    'ingehouden',
    'inhouden',
    'loon',
    'salaris',
    'loonstrook',
    'aftrek',
    'boete',
    // en
    'deduct',
    'wage',
    'salary',
    'withh[eo]ld',
    'payslip',
    'pay ?check',
    'fine(s|d)? (from|on) (my|our)',
    // pl
    'potrac',
    'wyplat',
    'pensj',
    'wynagrodzen',
    'odlicz',
    'kar[ay] (z|od) (wyplaty|pensji)',
    // ro
    'retine',
    'retinut',
    'salari',
    'deducer',
    'oprit din salariu',
    'amend',
    // bg
    'удръжк',
    'удържа',
    'заплат',
    'надниц',
    'глоб',
  ],
};

/** Lower case, without diacritics (also ł, which Unicode does not decompose), one space between words. */
function comparable(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/\s+/g, ' ');
}

// Cyrillic words lose their breve too (й → и), so they are compared the same way.
const PATTERNS: [UrgencyHint, RegExp][] = URGENCY_HINTS.map((hint) => [
  hint,
  new RegExp(`(?<!\\p{L})(?:${WORDS[hint].map(comparable).join('|')})`, 'u'),
]);

/** The urgency hints a complaint's text gives, in URGENCY_HINTS order; none for an ordinary complaint. */
export function urgencyHints(text: string): UrgencyHint[] {
  const plain = comparable(text);
  return PATTERNS.filter(([, pattern]) => pattern.test(plain)).map(([hint]) => hint);
}
