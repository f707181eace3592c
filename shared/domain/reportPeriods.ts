import { Temporal } from "temporal-polyfill";

/** The periods a report is read over (issue 19): a Paris day, an ISO week, a calendar month, or any range of days. */
export const REPORT_PERIOD_KINDS = ["jour", "semaine", "mois", "personnalisee"] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** A range of Paris calendar dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** The day, week (Monday to Sunday) or month holding `date`. */
export function periodHolding(kind: Exclude<ReportPeriodKind, "personnalisee">, date: string): DateRange {
  const day = Temporal.PlainDate.from(date);
  if (kind === "jour") return { from: date, to: date };
  if (kind === "semaine") {
    const monday = day.subtract({ days: day.dayOfWeek - 1 });
    return { from: monday.toString(), to: monday.add({ days: 6 }).toString() };
  }
  const first = day.with({ day: 1 });
  return { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
}

/** The first day of the day, week or month `direction` periods away from the one starting on `from`. */
export function shiftedDate(kind: Exclude<ReportPeriodKind, "personnalisee">, from: string, direction: number): string {
  const date = Temporal.PlainDate.from(from);
  return (kind === "jour" ? date.add({ days: direction }) : kind === "semaine" ? date.add({ weeks: direction }) : date.add({ months: direction })).toString();
}

/** Whether a range is exactly one calendar month. */
export function isWholeMonth({ from, to }: DateRange): boolean {
  const first = Temporal.PlainDate.from(from);
  return first.day === 1 && Temporal.PlainDate.compare(first.add({ months: 1 }).subtract({ days: 1 }), Temporal.PlainDate.from(to)) === 0;
}

/**
 * The period a report is compared with: the month before a calendar month (February after March, whatever
 * their lengths), otherwise as many days just before (the previous day, the previous week).
 */
export function previousPeriod(range: DateRange): DateRange {
  const first = Temporal.PlainDate.from(range.from);
  if (isWholeMonth(range)) {
    const previous = first.subtract({ months: 1 });
    return { from: previous.toString(), to: first.subtract({ days: 1 }).toString() };
  }
  const days = first.until(Temporal.PlainDate.from(range.to)).days + 1;
  return { from: first.subtract({ days }).toString(), to: first.subtract({ days: 1 }).toString() };
}

/** How many days a range holds. */
export function daysIn({ from, to }: DateRange): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to)).days + 1;
}

/**
 * A range cut into its whole calendar months (the first day of the first and of the last, or null when it holds
 * none) and the days outside them: what the month roll-ups answer, and what only the day figures can.
 */
export function splitByMonths({ from, to }: DateRange): { months: DateRange | null; days: DateRange[] } {
  const first = Temporal.PlainDate.from(from);
  const last = Temporal.PlainDate.from(to);
  const firstWhole = first.day === 1 ? first : first.with({ day: 1 }).add({ months: 1 });
  const lastWholeEnd = last.add({ days: 1 }).day === 1 ? last : last.with({ day: 1 }).subtract({ days: 1 });
  if (Temporal.PlainDate.compare(firstWhole, lastWholeEnd) > 0) return { months: null, days: [{ from, to }] };
  const days: DateRange[] = [];
  if (Temporal.PlainDate.compare(first, firstWhole) < 0) days.push({ from, to: firstWhole.subtract({ days: 1 }).toString() });
  if (Temporal.PlainDate.compare(lastWholeEnd, last) < 0) days.push({ from: lastWholeEnd.add({ days: 1 }).toString(), to });
  return { months: { from: firstWhole.toString(), to: lastWholeEnd.with({ day: 1 }).toString() }, days };
}
