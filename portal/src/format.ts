import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";

const date = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "23/11/2026 à 14:32", on Paris time whatever the phone's own settings. */
export const formatWhen = (instant: string): string => `${date.format(new Date(instant))} à ${time.format(new Date(instant))}`;

/** "du 14/12/2026 au 18/12/2026" for whole Paris days (the end is the midnight after the last one), with hours otherwise. */
export function formatSpan(from: string, to: string): string {
  const midnight = (instant: string) => time.format(new Date(instant)) === "00:00";
  if (midnight(from) && midnight(to)) {
    const first = date.format(new Date(from));
    const last = date.format(new Date(Date.parse(to) - 1));
    return first === last ? `le ${first}` : `du ${first} au ${last}`;
  }
  return `du ${formatWhen(from)} au ${formatWhen(to)}`;
}
