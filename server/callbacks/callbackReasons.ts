import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";

const when = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

/** « lundi 7 décembre à 09:00 »: how a callback's reason names an appointment's time. */
export function appointmentTime(at: Date | string): string {
  return when.format(typeof at === "string" ? new Date(at) : at);
}
