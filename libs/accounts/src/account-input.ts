/**
 * The input rules of accounts, organisations, municipalities and API keys: the REST DTOs and the
 * web forms both take them from here, so a limit is written once.
 */

/** Names of people, organisations and API keys. */
export const ACCOUNT_NAME_MAX_LENGTH = 200;

/** The longest e-mail address SMTP can carry (RFC 5321 path limit minus the brackets). */
export const EMAIL_MAX_LENGTH = 254;
/** Long enough for a passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** A TOTP code (6 digits) or a recovery code (`abcd-efgh-ijkl-mnop`), with room for spaces typed around it. */
export const SECOND_FACTOR_CODE_MAX_LENGTH = 40;

/** The Chamber of Commerce number: 8 digits. */
export const KVK_NUMBER_DIGITS = 8;
export const KVK_NUMBER_PATTERN = new RegExp(`^[0-9]{${KVK_NUMBER_DIGITS}}$`);

/** A CBS municipality code: GM and 4 digits (`GM0363` is Amsterdam); whether it is current is the shipped list's to say. */
export const MUNICIPALITY_CODE_PATTERN = /^GM[0-9]{4}$/;
