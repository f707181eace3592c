import type { ActivityReport } from "../../../../shared/api/reportApi";
import { formatMonth } from "../../format/dates";
import { NBSP } from "../../format/typography";

/** One bar of the calls chart: a day, a month or an hour. */
export interface CallPoint {
  key: string;
  /** Short, under the bar: « 02/11 », « nov. 2026 », « 8 h ». */
  label: string;
  /** Whole, in the table and the tooltip: « lundi 2 novembre 2026 ». */
  longLabel: string;
  received: number;
  answered: number;
  missed: number;
}

export type CallSeriesUnit = "heure" | "jour" | "mois";

const dayShort = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", timeZone: "UTC" });
const dayLong = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthShort = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });
const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** The longest period drawn day by day; longer ones are drawn month by month. */
export const DAILY_BARS_MAX = 62;

/** The period's incoming calls as bars: by hour for one day, by day up to two months, by month beyond. */
export function callSeries(report: ActivityReport): { unit: CallSeriesUnit; points: CallPoint[] } {
  if (report.days.length === 1) {
    return {
      unit: "heure",
      points: hourSpan(report.hours).map((hour) => {
        const cell = report.hours.find((entry) => entry.hour === hour);
        return { key: String(hour), label: `${hour}${NBSP}h`, longLabel: `de ${hour}${NBSP}h à ${hour + 1}${NBSP}h`, received: cell?.received ?? 0, answered: cell?.answered ?? 0, missed: cell?.missed ?? 0 };
      }),
    };
  }
  if (report.days.length <= DAILY_BARS_MAX) {
    return {
      unit: "jour",
      points: report.days.map((day) => ({ key: day.day, label: dayShort.format(atNoon(day.day)), longLabel: dayLong.format(atNoon(day.day)), received: day.received, answered: day.answered, missed: day.missed })),
    };
  }
  const months = new Map<string, CallPoint>();
  for (const day of report.days) {
    const key = day.day.slice(0, 7);
    const point = months.get(key) ?? { key, label: monthShort.format(atNoon(`${key}-01`)), longLabel: formatMonth(key), received: 0, answered: 0, missed: 0 };
    point.received += day.received;
    point.answered += day.answered;
    point.missed += day.missed;
    months.set(key, point);
  }
  return { unit: "mois", points: [...months.values()] };
}

/** The hours a load chart spans: the practices' usual 8 h to 19 h, widened to every hour with calls. */
export function hourSpan(hours: ActivityReport["hours"]): number[] {
  const withCalls = hours.map((entry) => entry.hour);
  const first = Math.min(8, ...withCalls);
  const last = Math.max(19, ...withCalls);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
