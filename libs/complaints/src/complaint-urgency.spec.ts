import { urgencyHints } from './complaint-urgency';

describe('urgency hints of a complaint', () => {
  it.each([
    // nl
    ['We slapen met 12 man in een huis voor 6, er zijn te veel mensen.', ['overbewoning']],
    ['De rookmelder in de gang doet het niet en er is geen brandblusser.', ['brandveiligheid']],
    ['Er wordt 200 euro per week ingehouden op mijn loon.', ['looninhouding']],
    // en
    ['The house is overcrowded, two of us sleep on the floor.', ['overbewoning']],
    ['No fire extinguisher in the kitchen and the smoke alarm beeps.', ['brandveiligheid']],
    ['They deduct rent from my wage without asking.', ['looninhouding']],
    // pl, with and without diacritics
    ['Jest nas za dużo osób, śpimy na podłodze.', ['overbewoning']],
    ['Nie ma gaśnicy, czujnik dymu nie działa.', ['brandveiligheid']],
    ['Potrącają mi z wypłaty za mieszkanie.', ['looninhouding']],
    ['Nie ma gasnicy i byl pozar w kuchni.', ['brandveiligheid']],
    // ro
    ['Casa este supraaglomerată, dormim pe jos.', ['overbewoning']],
    ['Nu există stingător și detectorul de fum lipsește.', ['brandveiligheid']],
    ['Mi se reține din salariu prea mult pentru cazare.', ['looninhouding']],
    // bg
    ['Къщата е пренаселена, спим на пода.', ['overbewoning']],
    ['Няма пожарогасител и датчик за дим.', ['brandveiligheid']],
    ['Удържат ми от заплатата за квартирата.', ['looninhouding']],
    // more than one, in a fixed order
    ['Te veel mensen, geen rookmelder, en huur wordt ingehouden.', ['overbewoning', 'brandveiligheid', 'looninhouding']],
  ])('%s', (text, hints) => {
    expect(urgencyHints(text)).toEqual(hints);
  });

  it.each([
    'De verwarming is kapot en de douche lekt.',
    'The landlord fired the cleaner and the toilet is dirty.',
    'A brand new fridge is promised but never came.',
    'Nie ma ciepłej wody od tygodnia.',
    'Apa caldă nu funcționează.',
    'Няма топла вода.',
    '',
  ])('gives none for an ordinary complaint: %s', (text) => {
    expect(urgencyHints(text)).toEqual([]);
  });
});
