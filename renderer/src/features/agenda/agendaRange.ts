import { addDaysToDate, parisDayOfDate, parisWeekOfDate } from "../../../../shared/domain/parisTime";
import type { AgendaView } from "../../stores/agendaStore";

/** The instants the agenda asks the core for, and the Paris dates it shows. */
export interface AgendaRange {
  from: string;
  to: string;
  firstDate: string;
  dayCount: number;
}

/** The day of the "cabinet" and "jour" views, the Monday-to-Sunday week of the "semaine" view. */
export function agendaRangeOf(view: AgendaView, date: string): AgendaRange {
  if (view === "semaine") {
    const week = parisWeekOfDate(date);
    return { from: week.from, to: week.to, firstDate: week.firstDate, dayCount: 7 };
  }
  const day = parisDayOfDate(date);
  return { from: day.from, to: day.to, firstDate: day.date, dayCount: 1 };
}

/** "Précédent" and "Suivant": a day at a time, or a week in the week view. */
export function shiftedDate(view: AgendaView, date: string, direction: -1 | 1): string {
  return addDaysToDate(date, direction * (view === "semaine" ? 7 : 1));
}
