import { z } from "zod";
import "./frenchValidation";
import { COVERAGE_MODES } from "./enums";

/**
 * Shapes of the schedule-like values kept as JSON in both stores. Times of day are local
 * Europe/Paris wall-clock "HH:MM"; weekdays are ISO (1 = lundi … 7 = dimanche).
 */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure attendue au format HH:MM");
export const isoWeekday = z.number().int().min(1).max(7);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ");

export const weeklyWindow = z.object({ weekday: isoWeekday, start: timeOfDay, end: timeOfDay });
export type WeeklyWindow = z.infer<typeof weeklyWindow>;

/** Working hours are windows; a break is the gap between two windows of the same day. */
export const weeklyHours = z.array(weeklyWindow);
export type WeeklyHours = z.infer<typeof weeklyHours>;

export const coverageWindow = weeklyWindow.extend({ mode: z.enum(COVERAGE_MODES) });
export const coverageSchedule = z.array(coverageWindow);
export type CoverageSchedule = z.infer<typeof coverageSchedule>;

export const absence = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
  reason: z.enum(["conges", "formation", "maladie", "autre"]),
  label: z.string().max(200).optional(),
});
export const absences = z.array(absence);
export type Absence = z.infer<typeof absence>;

export const exceptionalOpening = z.object({ date: isoDate, start: timeOfDay, end: timeOfDay });
export const exceptionalOpenings = z.array(exceptionalOpening);

export const postalAddress = z.object({
  street: z.string().max(200),
  postalCode: z.string().regex(/^\d{5}$/, "Code postal à 5 chiffres"),
  city: z.string().max(100),
});
export type PostalAddress = z.infer<typeof postalAddress>;

export const referral = z.object({ name: z.string().max(200), specialty: z.string().max(100), phone: z.string().max(20) });
export const referrals = z.array(referral);

/**
 * Who takes the practice's patients when it is closed: its on-call doctor, or the regional service
 * (« Permanence des soins — 116 117 »). A short national number (15, 116117) is a number too.
 */
export const onCall = z.object({
  name: z.string().trim().min(1, "Nom du médecin de garde ou du service manquant").max(200),
  phone: z.string().trim().regex(/^\+?[0-9 ]{2,20}$/, "Numéro du médecin de garde invalide"),
  hours: z.string().trim().max(200, "Horaires trop longs (200 caractères au plus)"),
});
export type OnCall = z.infer<typeof onCall>;

export const greetings = z.object({
  default: z.string().max(2000),
  debordement: z.string().max(2000).optional(),
  hors_horaires: z.string().max(2000).optional(),
  astreinte_24_7: z.string().max(2000).optional(),
});
export type Greetings = z.infer<typeof greetings>;

export const motifRestrictions = z.object({
  weekdays: z.array(isoWeekday).optional(),
  from: timeOfDay.optional(),
  to: timeOfDay.optional(),
});
export type MotifRestrictions = z.infer<typeof motifRestrictions>;

export const directiveFlags = z.object({
  transferToPractitioner: z.boolean().optional(),
  redirectToSamu: z.boolean().optional(),
  referToPractitionerId: z.string().uuid().optional(),
});

export const preferredWindows = z.array(weeklyWindow);

/**
 * A freed slot the server offers a waitlist entry (shared/domain/waitlistMatching.ts): the practitioner,
 * the motif to book (the entry's, or that practitioner's motif of the same name), the bounds, and which
 * cancelled or moved appointment freed it.
 */
export const waitlistOffer = z.object({
  practitionerId: z.string().uuid(),
  appointmentTypeId: z.string().uuid(),
  startAt: z.string().datetime({ offset: true }),
  endAt: z.string().datetime({ offset: true }),
  freedByAppointmentId: z.string().uuid(),
  offeredAt: z.string().datetime({ offset: true }),
  /** The entries that already declined this slot: it is never offered back to them. */
  declinedEntryIds: z.array(z.string().uuid()).default([]),
  /** For a new patient of a practitioner who asks first: the agreement the booking cites (their « oui »). */
  agreementId: z.string().uuid().optional(),
});
export type WaitlistOffer = z.infer<typeof waitlistOffer>;
export const callLinks = z.object({
  appointmentIds: z.array(z.string().uuid()).default([]),
  messageIds: z.array(z.string().uuid()).default([]),
});
