/**
 * The surveillance feature's values and limits, once: the REST DTOs and the worker take them from here.
 */

/** Why a location must be inspected (contract `reden`). */
export const PLANNING_REASONS = ['herinspectie', 'steekproef', 'melding', 'wijziging', 'bezwaar'] as const;
export type PlanningReason = (typeof PLANNING_REASONS)[number];

/** `open` until an inspection of the location with the asked `soort` is planned (contract `status`). */
export const PLANNING_REQUEST_STATUSES = ['open', 'ingepland'] as const;
export type PlanningRequestStatus = (typeof PLANNING_REQUEST_STATUSES)[number];

/** The yearly re-inspection is a periodic inspection, due by the certificate's last valid day. */
export const REINSPECTION_KIND = 'periodiek';
/** A sampled location is visited unannounced. */
export const SAMPLE_KIND = 'onaangekondigd';
/** A sampled location is to be visited within three months of the draw. */
export const SAMPLE_DUE_MONTHS = 3;

export const SAMPLE_PERCENTAGE_MIN = 1;
export const SAMPLE_PERCENTAGE_MAX = 100;
export const SAMPLE_PERCENTAGE_DEFAULT = 10;

/** A seed is 1 to 32 whole bytes of hex (2 to 64 digits): hashed as bytes, so an odd digit would be ambiguous. */
export const SAMPLE_SEED_PATTERN = /^(?:[0-9a-fA-F]{2}){1,32}$/;
export const SAMPLE_SEED_MIN_LENGTH = 2;
export const SAMPLE_SEED_MAX_LENGTH = 64;
/** The worker's own seeds: 32 random bytes. */
export const GENERATED_SEED_BYTES = 32;
