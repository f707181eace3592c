/** « 01/11/2026 » of an ISO date, read at noon UTC (the same day in Paris). */
export function formatPlainDateFr(date: string): string {
  return new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

const monthName = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** « novembre 2026 ». */
export function formatMonth(month: string): string {
  return monthName.format(new Date(`${month}T12:00:00Z`));
}
