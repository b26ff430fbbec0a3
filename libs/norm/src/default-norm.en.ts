import type { NormTranslation } from './norm-version';

/**
 * The English of norm 2026.1, beside its Dutch (which stays the norm's own text): section titles, and
 * each criterion's title and guidance. Keyed by code, so the facts (figures, severities) stay in
 * default-norm.ts only; a test checks that every section and criterion has its English.
 */
export const DEFAULT_NORM_ENGLISH: {
  readonly sections: Readonly<Record<string, string>>;
  readonly criteria: Readonly<Record<string, NormTranslation>>;
} = {
  sections: {
    RU: 'Space',
    PR: 'Privacy',
    SA: 'Sanitary facilities',
    VZ: 'Facilities',
    BZ: 'Occupancy',
    ID: 'Layout',
    VL: 'Safety',
    BV: 'Fire safety',
    IF: 'Information',
    CT: 'Contract',
    BH: 'Management',
  },
  criteria: {
    'RU-01': {
      title: 'Usable floor area (GBO)',
      guidance:
        'Measure the usable floor area (GBO, NEN 2580) of all rooms the residents use and enter the total in m². ' +
        'Rooms with a clear height below 1.5 m and outdoor space (balcony, garden) do not count. ' +
        'Norm: 12 m² per person; lodging building 10 m²; new build and hotel 15 m². ' +
        'New build comes first: a newly built lodging building counts with 15 m².',
    },
    'RU-02': {
      title: 'Floor area of the bedrooms',
      guidance:
        'Measure the floor area of each bedroom (only the part with a clear height of at least 1.5 m) ' +
        'and enter the total of all bedrooms in m². Norm: 3.5 m² per person.',
    },
    'PR-01': {
      title: 'Bedrooms',
      guidance: 'Count the rooms in use as bedrooms. Norm: at most 2 persons per bedroom; in new build 1 person per bedroom.',
    },
    'PR-02': {
      title: 'Beds with a mattress of at least 80 × 200 cm',
      guidance:
        'Count the beds with their own mattress of at least 80 × 200 cm. ' +
        'A bed with a smaller, worn-out or missing mattress does not count. Norm: 1 bed per person.',
    },
    'PR-03': {
      title: 'Wardrobes of at least 0.36 m³',
      guidance:
        'Count the wardrobes with a capacity of at least 0.36 m³. ' +
        'A wardrobe outside the bedroom counts only if it can be locked. Norm: 1 wardrobe per person.',
    },
    'PR-04': {
      title: 'Chairs',
      guidance: 'Count the chairs the residents can use, in the living area and the bedrooms. Norm: 1 chair per person.',
    },
    'SA-01': {
      title: 'Toilets',
      guidance: 'Count the working toilets in a lockable room that the residents can use. Norm: 1 toilet per 8 persons.',
    },
    'SA-02': {
      title: 'Showers',
      guidance: 'Count the working showers with hot water in a lockable room that the residents can use. Norm: 1 shower per 8 persons.',
    },
    'VZ-01': {
      title: 'Capacity of fridges and freezers',
      guidance:
        'Add up the net capacity in litres (see the rating plate) of all working fridges and freezers for the residents. ' +
        'Norm: 30 litres per person.',
    },
    'VZ-02': {
      title: 'Cooking rings',
      guidance:
        'Count the working cooking rings and cooking zones. Fewer than 4: the location does not comply. ' +
        'From 4: 2 persons per ring, and always at least 8 persons.',
    },
    'VZ-03': {
      title: 'Wall sockets',
      guidance:
        'Count the outlets of fixed wall sockets in living rooms and bedrooms; a double socket counts as 2. ' +
        'Power strips and extension leads do not count. Norm: 1 outlet per person.',
    },
    'VZ-04': {
      title: 'Washing and drying',
      guidance:
        'There is a working washing machine or a laundry service for the residents, and a place to dry laundry outside the bedrooms. ' +
        'Laundry that has to dry in the bedrooms: does not comply.',
    },
    'BZ-01': {
      title: 'Number of residents present not above the certified maximum',
      guidance:
        'Establish how many persons live at the location (beds in use, personal belongings, list of residents). ' +
        'Compare with the maximum residents on the current certificate; on a first inspection with the number of beds applied for.',
    },
    'BZ-02': {
      title: 'All rooms accessible to the inspector',
      guidance:
        'All rooms, the bedrooms too, are opened for the inspector. A locked bedroom: does not comply, and a re-inspection follows.',
    },
    'ID-01': {
      title: 'All living functions under one roof and reachable indoors',
      guidance:
        'Sleeping, cooking, eating, washing, using the toilet and living take place in one building, ' +
        'and every room can be reached without going outside.',
    },
    'VL-01': {
      title: 'No overloaded sockets or chained extension leads',
      guidance:
        'No power strips or extension leads are chained together, and heavy appliances (heater, kettle, washing machine, dryer) ' +
        'are not plugged into one power strip together.',
    },
    'VL-02': {
      title: 'Gas appliances maintained by a CO-certified installer',
      guidance:
        'For every gas appliance (central-heating boiler, water heater, cooker, stove) ask for proof of maintenance by an installer ' +
        "with a CO certificate, following the manufacturer's maintenance instructions. " +
        "No gas appliances at the location: answer 'complies'. A knock-out criterion cannot be not applicable.",
    },
    'BV-01': {
      title: 'Fire extinguisher of at least 6 litres within 5 m of the hob',
      guidance:
        'Within 5 metres of every hob hangs a fire extinguisher of at least 6 litres, ' +
        'with a valid (not expired) service label and an intact seal.',
    },
    'BV-02': {
      title: 'Fire blanket at the hob',
      guidance: 'At every hob hangs a fire blanket that can be reached without reaching over the cooker.',
    },
    'BV-03': {
      title: 'Smoke and CO detectors working, with battery backup, not expired',
      guidance:
        'Test every smoke and CO detector with its test button and check the battery backup and the expiry date on the detector. ' +
        'One detector that does not work, has no backup or has expired: does not comply.',
    },
    'BV-04': {
      title: 'Fire alarm system maintained and inspected',
      guidance:
        'If there is a fire alarm system: ask for the maintenance report and the valid inspection certificate. ' +
        'No fire alarm system: not applicable.',
    },
    'IF-01': {
      title: 'Information card posted',
      guidance:
        "In a visible place at the entrance hangs the quality mark's information card: address, maximum residents, " +
        'text in Dutch and English, and the QR code. ' +
        'First inspection: not applicable, since the card belongs to the certificate that has not been issued yet.',
    },
    'IF-02': {
      title: 'Rights and house rules in a language the resident understands',
      guidance:
        'The residents have received their rights and the house rules in writing in a language they understand. ' +
        'Look at the documents and ask residents about them.',
    },
    'CT-01': {
      title: 'Tenancy agreement separate from the employment contract',
      guidance:
        'Look at a sample of tenancy agreements: the housing is arranged in an agreement of its own, not in the employment contract.',
    },
    'CT-02': {
      title: 'Deduction for housing at most 25% of the statutory minimum wage',
      guidance:
        'Look at a sample of pay slips: the deduction for housing is at most 25% of the statutory minimum wage ' +
        'and is itemised separately, and the resident has agreed to it in writing, with the option to withdraw that consent.',
    },
    'BH-01': {
      title: 'Supervision and management',
      guidance:
        'Maintenance is arranged (a schedule, repairs dealt with), the residents have a contact person they can reach, ' +
        'and the neighbours have been told about the residents and know whom to turn to.',
    },
    'BH-02': {
      title: 'Complaints procedure known to the residents',
      guidance:
        'The residents know how and to whom to make a complaint, to the quality mark itself too, ' +
        'through the QR code on the information card.',
    },
  },
};
