import { formatInstantDate, formatInstantDateTime, formatInstantTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import type { ConnectionState } from "../../stores/syncSelectors";

/**
 * What the indicator says for each connection state; the colour only repeats it. « Synchro… » about as wide
 * as « En ligne » and the last sync's time: the header does not wrap and jump at every sync (1366×768).
 */
export const CONNECTION_STATE_LABELS: Record<ConnectionState, string> = {
  online: "En ligne",
  syncing: "Synchro…",
  offline: "Hors ligne",
  refused: "Synchronisation refusée par le serveur",
  signed_out: "Non connecté",
};

/** Before the core has answered, or if it could not say. */
export const UNKNOWN_CONNECTION_LABEL = "État de la connexion inconnu";

/** "1 modification en attente", "3 modifications en attente"; nothing when none wait. */
export function pendingChangesLabel(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? "1 modification en attente" : `${count} modifications en attente`;
}

/**
 * "Dernière synchro : 10:42". A sync from an earlier day carries its date, so that a workstation
 * offline since yesterday never looks up to date.
 */
export function lastSyncLabel(lastSyncAt: string | null, now: Date): string | null {
  if (lastSyncAt === null || Number.isNaN(Date.parse(lastSyncAt))) return null;
  const sameParisDay = formatInstantDate(lastSyncAt) === formatInstantDate(now);
  const when = sameParisDay ? formatInstantTime(lastSyncAt) : formatInstantDateTime(lastSyncAt);
  return `Dernière synchro${NBSP}: ${when}`;
}
