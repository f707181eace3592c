import type { WeeklyWindow } from "../../../../shared/domain/schedules";
import type { MutationInput } from "../../../../shared/sync/mutations";

/** The waitlist form as filled: the motif (of the first practitioner ticked), who may see the patient, when. */
export interface WaitlistFormValues {
  appointmentTypeId: string;
  practitionerIds: string[];
  /** ISO weekdays the patient can come; none ticked: any day. */
  weekdays: number[];
  from: string;
  to: string;
  notes: string;
}

export type WaitlistFormErrors = Partial<Record<keyof WaitlistFormValues | "patient", string>>;

export const WEEKDAY_LABELS: ReadonlyArray<[number, string]> = [
  [1, "Lundi"],
  [2, "Mardi"],
  [3, "Mercredi"],
  [4, "Jeudi"],
  [5, "Vendredi"],
  [6, "Samedi"],
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The weekly windows the patient can come in: each ticked day between the two times; no day ticked, no window (any time). */
export function preferredWindowsOf(weekdays: number[], from: string, to: string): WeeklyWindow[] {
  return [...weekdays].sort((a, b) => a - b).map((weekday) => ({ weekday, start: from, end: to }));
}

/** The form read into `waitlist.add` (without ids), or what to correct. */
export function readWaitlistForm(
  values: WaitlistFormValues,
  patientId: string | null,
): { args: Omit<MutationInput<"waitlist.add">, "id" | "practiceId"> } | { errors: WaitlistFormErrors } {
  const errors: WaitlistFormErrors = {};
  if (!patientId) errors.patient = "Identifiez d'abord le patient qui attend un créneau.";
  if (values.practitionerIds.length === 0) errors.practitionerIds = "Cochez au moins un praticien.";
  if (values.appointmentTypeId === "") errors.appointmentTypeId = "Choisissez le motif.";
  if (!TIME.test(values.from)) errors.from = "Heure de début attendue au format HH:MM.";
  if (!TIME.test(values.to)) errors.to = "Heure de fin attendue au format HH:MM.";
  else if (TIME.test(values.from) && values.from >= values.to) errors.to = "L'heure de fin doit suivre l'heure de début.";
  const notes = values.notes.trim();
  if (notes.length > 5000) errors.notes = "Note trop longue (5 000 caractères au plus).";
  if (!patientId || Object.keys(errors).length > 0) return { errors };
  return {
    args: {
      patientId,
      appointmentTypeId: values.appointmentTypeId,
      practitionerIds: values.practitionerIds,
      preferredWindows: preferredWindowsOf(values.weekdays, values.from, values.to),
      notes: notes === "" ? null : notes,
    },
  };
}
