import type { Absence } from "./schedules";
import { addDaysToDate, parisDayOfDate } from "./parisTime";

/** An absence's reason, in French, on the screens that declare one (the administration's, the doctors' portal). */
export const ABSENCE_REASON_LABELS: Record<Absence["reason"], string> = { conges: "Congés", formation: "Formation", maladie: "Maladie", autre: "Autre" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An absence from whole Paris days, both included: from the first day's midnight to the midnight after
 * the last one — what the agenda and the booking rules read. Or what to correct, in French.
 */
export function absenceFromDays(firstDay: string, lastDay: string, reason: Absence["reason"]): { absence: Absence } | { error: string } {
  if (!DATE.test(firstDay) || !DATE.test(lastDay)) return { error: "Indiquez le premier et le dernier jour d'absence." };
  if (lastDay < firstDay) return { error: "Le dernier jour d'absence doit suivre le premier." };
  return { absence: { from: parisDayOfDate(firstDay).from, to: parisDayOfDate(addDaysToDate(lastDay, 1)).from, reason } };
}

/** The absences with one more, in time order. */
export function withAbsence(absences: readonly Absence[], absence: Absence): Absence[] {
  return [...absences, absence].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
}
