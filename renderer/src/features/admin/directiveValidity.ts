import { addDaysToDate, parisDayOfDate } from "../../../../shared/domain/parisTime";
import { formatInclusiveEnd, formatInstantDate } from "../../format/dates";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DirectiveValidity {
  validFrom: string | null;
  validTo: string | null;
}

/**
 * When a consigne is in force, from whole Paris days (both included; either may be left empty: from
 * now, or until further notice): from the first day's midnight to the midnight after the last one.
 * Or what to correct, in French.
 */
export function validityFromDays(firstDay: string, lastDay: string): DirectiveValidity | { error: string } {
  const first = firstDay.trim();
  const last = lastDay.trim();
  if ((first && !DATE.test(first)) || (last && !DATE.test(last))) return { error: "Dates de validité illisibles : choisissez des jours dans le calendrier." };
  if (first && last && last < first) return { error: "Le dernier jour de validité doit suivre le premier." };
  return { validFrom: first ? parisDayOfDate(first).from : null, validTo: last ? parisDayOfDate(addDaysToDate(last, 1)).from : null };
}

/** A priority typed by the administrator: a whole number from 0 to 1000 (higher shown first). */
export function priorityFromText(text: string): number | { error: string } {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed) || Number(trimmed) > 1000) return { error: "Priorité : un nombre entier de 0 à 1 000." };
  return Number(trimmed);
}

/** Where a consigne stands at `now`, in words for the administrator, and whether ending it still means something. */
export function directiveState(directive: DirectiveValidity, now: number): { said: string; inForceOrComing: boolean } {
  const from = directive.validFrom ? Date.parse(directive.validFrom) : null;
  const to = directive.validTo ? Date.parse(directive.validTo) : null;
  const lastDay = to === null ? null : formatInclusiveEnd(new Date(to)).text;
  if (to !== null && to <= now) return { said: `terminée le ${lastDay}`, inForceOrComing: false };
  if (from !== null && from > now) return { said: `à partir du ${formatInstantDate(new Date(from))}${lastDay ? `, jusqu'au ${lastDay}` : ""}`, inForceOrComing: true };
  return { said: lastDay ? `en vigueur jusqu'au ${lastDay}` : "en vigueur", inForceOrComing: true };
}
