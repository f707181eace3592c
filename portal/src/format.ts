import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";

const date = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** "23/11/2026 à 14:32", on Paris time whatever the phone's own settings. */
export const formatWhen = (instant: string): string => `${date.format(new Date(instant))} à ${time.format(new Date(instant))}`;
