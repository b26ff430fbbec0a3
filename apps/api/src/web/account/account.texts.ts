import { catalog } from '../shared/catalog';

/** Texts of the pages every person has: their own account (password, second factor) and the sign-in's code step. */
export const accountText = catalog({
  myAccount: { nl: 'Mijn account', en: 'My account' },
  changePassword: { nl: 'Wachtwoord wijzigen', en: 'Change password' },
  currentPassword: { nl: 'Huidig wachtwoord', en: 'Current password' },
  newPassword: { nl: 'Nieuw wachtwoord', en: 'New password' },
  newPasswordHint: {
    nl: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden. Veelgebruikte wachtwoorden worden geweigerd.',
    en: 'At least 12 characters. A sentence of a few words is strong and easy to remember. Common passwords are refused.',
  },
  saveNewPassword: { nl: 'Nieuw wachtwoord opslaan', en: 'Save new password' },
  passwordChanged: {
    nl: 'Uw wachtwoord is gewijzigd. U bent op andere apparaten uitgelogd.',
    en: 'Your password has been changed. You have been signed out on other devices.',
  },
  currentPasswordWrong: { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is wrong.' },
  enterCurrentPassword: { nl: 'Vul uw huidige wachtwoord in.', en: 'Enter your current password.' },
  passwordProblems: {
    nl: {
      'too-short': 'Kies een wachtwoord van minstens 12 tekens.',
      'too-long': 'Kies een wachtwoord van hoogstens 256 tekens.',
      blank: 'Een wachtwoord bestaat niet alleen uit spaties.',
      common: 'Dit wachtwoord komt voor in lijsten van gelekte wachtwoorden. Kies een ander.',
    } as Record<string, string>,
    en: {
      'too-short': 'Choose a password of at least 12 characters.',
      'too-long': 'Choose a password of at most 256 characters.',
      blank: 'A password is more than spaces.',
      common: 'This password appears in lists of leaked passwords. Choose another.',
    },
  },
  secondFactor: { nl: 'Tweestapsverificatie', en: 'Two-step verification' },
  secondFactorOn: {
    nl: 'Aan: bij het inloggen vragen we de code uit uw authenticator-app.',
    en: 'On: signing in asks for the code from your authenticator app.',
  },
  secondFactorOff: {
    nl: 'Uit. Als beheerder of certificeerder beschermt u het keurmerk met een tweede stap bij het inloggen.',
    en: 'Off. As an administrator or certifier you protect the quality mark with a second step when signing in.',
  },
  recoveryCodesLeft: {
    nl: (n: number) => `Nog ${n} ongebruikte herstelcodes.`,
    en: (n: number) => `${n} unused recovery codes left.`,
  },
  setUpSecondFactor: { nl: 'Tweestapsverificatie instellen', en: 'Set up two-step verification' },
  scanThisCode: {
    nl: 'Scan deze QR-code met een authenticator-app (bijvoorbeeld FreeOTP, Aegis, Google Authenticator of Microsoft Authenticator).',
    en: 'Scan this QR code with an authenticator app (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).',
  },
  orTypeThisKey: { nl: 'Kunt u niet scannen? Voer deze sleutel in:', en: 'Cannot scan? Enter this key:' },
  theLink: { nl: 'De koppeling als tekst', en: 'The link as text' },
  codeFromApp: { nl: 'Code uit de app', en: 'Code from the app' },
  codeFromAppHint: { nl: 'De 6 cijfers die de app nu toont.', en: 'The 6 digits the app shows now.' },
  confirmSecondFactor: { nl: 'Bevestigen en aanzetten', en: 'Confirm and turn on' },
  enterTheCode: { nl: 'Vul de code uit de app in.', en: 'Enter the code from the app.' },
  wrongCode: {
    nl: 'Deze code klopt niet. Controleer of de tijd op uw telefoon klopt en probeer de volgende code.',
    en: 'This code is wrong. Check that the time on your phone is right and try the next code.',
  },
  recoveryCodes: { nl: 'Uw herstelcodes', en: 'Your recovery codes' },
  recoveryCodesExplained: {
    nl:
      'Tweestapsverificatie staat aan. Bewaar deze codes op een veilige plek: elke code werkt één keer, ' +
      'als u uw telefoon niet bij de hand heeft. Ze worden maar één keer getoond.',
    en:
      'Two-step verification is on. Keep these codes somewhere safe: each works once, ' +
      'when you do not have your phone. They are shown only this once.',
  },
  done: { nl: 'Klaar', en: 'Done' },
  secondStep: { nl: 'Code invoeren', en: 'Enter code' },
  secondStepExplained: {
    nl: 'Vul de code uit uw authenticator-app in, of een van uw herstelcodes.',
    en: 'Enter the code from your authenticator app, or one of your recovery codes.',
  },
  code: { nl: 'Code', en: 'Code' },
  continue: { nl: 'Doorgaan', en: 'Continue' },
  signInAgain: { nl: 'Opnieuw inloggen', en: 'Sign in again' },
  signInExpired: {
    nl: 'Het inloggen duurde te lang. Log opnieuw in.',
    en: 'Signing in took too long. Please sign in again.',
  },
});
