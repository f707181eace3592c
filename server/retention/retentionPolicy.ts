import { z } from "zod";

/**
 * How long the agency keeps what it no longer needs (CNIL référentiel for medical practices: no longer
 * than necessary): a patient with no activity for `patientYears`, a call log older than `callYears`.
 */
export const retentionPolicy = z.object({
  patientYears: z.number().int("Durée en années entières").min(1, "Au moins 1 an").max(50, "Au plus 50 ans"),
  callYears: z.number().int("Durée en années entières").min(1, "Au moins 1 an").max(50, "Au plus 50 ans"),
});
export type RetentionPolicy = z.infer<typeof retentionPolicy>;

export const DEFAULT_RETENTION: RetentionPolicy = { patientYears: 3, callYears: 1 };

export interface RetentionCutoffs {
  /** A patient whose last activity is before this instant is purged. */
  patientsInactiveSince: Date;
  /** A call that started before this instant is purged. */
  callsStartedBefore: Date;
}

/** The instants a purge run at `now` cuts at: the same day and time, so many years earlier (29 February → 28). */
export function retentionCutoffs(policy: RetentionPolicy, now: Date): RetentionCutoffs {
  return { patientsInactiveSince: yearsBefore(now, policy.patientYears), callsStartedBefore: yearsBefore(now, policy.callYears) };
}

function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(now.getUTCFullYear() - years);
  // 29 February of a leap year, years back in a common year, rolled into March: the day before instead.
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}
