import { z } from "zod";
import { CALL_OUTCOMES } from "../domain/enums";
import { id } from "../domain/identifiers";
import { isoDate } from "../domain/schedules";

/** The longest period a report reads: a year and the day of a leap year. */
export const REPORT_MAX_DAYS = 366;

const count = z.number().int().nonnegative();

/** A report's period, and the practice it is about (none: every practice the reader serves, the whole agency for an administrator). */
export const activityReportQuery = z
  .strictObject({ from: isoDate, to: isoDate, practiceId: id.optional() })
  .refine((range) => range.from <= range.to, "La fin doit suivre le début")
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < REPORT_MAX_DAYS, `Période limitée à ${REPORT_MAX_DAYS} jours`);
export type ActivityReportQuery = z.infer<typeof activityReportQuery>;

/** A period's figures, as the practice and the agency read them. */
export const activityTotals = z.object({
  /** Incoming calls: rung, picked up or given an outcome, ended without either (missed or abandoned). */
  received: count,
  answered: count,
  missed: count,
  /** Calls the secretaries made (callbacks). */
  outgoing: count,
  /** Answered incoming calls whose length is known; their mean and 90th percentile, in seconds (null: none). */
  handled: count,
  averageSeconds: count.nullable(),
  /** To within its histogram bucket (10 s under 10 min), rounded up: « 90 % des appels en moins de… ». */
  p90Seconds: count.nullable(),
  /** Incoming calls by outcome; those without one are received − their sum. */
  outcomes: z.object(Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, count])) as Record<(typeof CALL_OUTCOMES)[number], typeof count>),
  appointments: z.object({ booked: count, moved: count, cancelled: count }),
  noShows: z.object({ excused: count, unexcused: count }),
  messages: count,
});
export type ActivityTotals = z.infer<typeof activityTotals>;

/** One Paris day's incoming calls. */
export const activityDay = z.object({ day: isoDate, received: count, answered: count, missed: count });
/** Incoming calls on one weekday (1 = lundi) at one Paris hour, over the period. */
export const activityHour = z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), received: count, answered: count, missed: count });

export const activityReport = z.object({
  from: isoDate,
  to: isoDate,
  practiceId: id.nullable(),
  totals: activityTotals,
  /** Every day of the period, those without calls too. */
  days: z.array(activityDay),
  /** The hours with calls. */
  hours: z.array(activityHour),
  /** The period compared with (reportPeriods.ts previousPeriod). */
  previous: z.object({ from: isoDate, to: isoDate, totals: activityTotals }),
});
export type ActivityReport = z.infer<typeof activityReport>;

/** The portal's « Activité »: a month (« 2026-11 », by default the one before the server's today) and one of the doctor's practices (by default all). */
export const portalActivityQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM").optional(),
  practiceId: id.optional(),
});
