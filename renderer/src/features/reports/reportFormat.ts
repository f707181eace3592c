import { NBSP } from "../../format/typography";

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });

/** « 12 345 », French grouping. */
export function formatCount(count: number): string {
  return integer.format(count);
}

/** « 87,5 % » of a whole, or a dash when there is no whole. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "—" : percent.format(part / whole);
}

/** A handling time: « 45 s », « 4 min 40 s », « 30 min ou plus » for the histogram's open bucket. */
export function formatSeconds(seconds: number | null, { orMore = false }: { orMore?: boolean } = {}): string {
  if (seconds === null) return "—";
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const text = minutes === 0 ? `${rest}${NBSP}s` : rest === 0 ? `${minutes}${NBSP}min` : `${minutes}${NBSP}min${NBSP}${rest}${NBSP}s`;
  return orMore ? `${text} ou plus` : text;
}

/** How a figure moved since the period before: « +12 % », « −5 % », « stable », « nouveau » (from nothing). */
export function formatChange(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? "stable" : "nouveau";
  const change = (current - previous) / previous;
  return Math.abs(change) < 0.005 ? "stable" : signedPercent.format(change);
}
