import type { CentralDb } from "../context";
import { purgeExpiredData, type PurgeReport } from "./purgeExpiredData";
import type { RetentionPolicy } from "./retentionPolicy";
import { dateOf, type Clock } from "../../shared/time/clock";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One line for the server's log: counts only, never who. */
export function describePurge(report: PurgeReport): string {
  if (!report.ran) return "conservation : purge déjà en cours sur un autre processus, rien fait ici";
  const what = `${report.patients} patients, ${report.appointments} rendez-vous, ${report.messages} messages, ${report.waitlistEntries} demandes de liste d'attente, ${report.callbacks} rappels, ${report.calls} appels`;
  return `conservation : ${report.dryRun ? "essai à blanc, seraient effacés" : "effacés"} ${what}`;
}

/**
 * The retention purge, once when the server starts and then every day. Several server processes on
 * one database may all run it: the advisory lock lets one work and the others skip. A failed run is
 * logged and tried again the next day; it never stops the server.
 */
export function startRetentionJob(db: CentralDb, policy: RetentionPolicy, clock: Clock, log: (line: string) => void, intervalMs = DAY_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = purgeExpiredData(db, policy, { now: dateOf(clock) }).then(
      (report) => log(describePurge(report)),
      (error: unknown) => log(`conservation : échec de la purge (${error instanceof Error ? error.name : "erreur"}) ; nouvel essai dans 24 h`),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
