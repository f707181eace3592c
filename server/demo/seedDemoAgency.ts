import type pg from "pg";
import { SEED_USERS } from "../../db/seed/demo";
import { formatCount, formatDuration } from "../../db/seed/frenchFormat";
import { DEMO_PASSWORD, seedCentral } from "../../db/seed/seedCentral";
import { parisDayOf } from "../../shared/domain/parisTime";

/**
 * `--demo`: fills an empty database with the small demo agency and its four users, whose
 * password is DEMO_PASSWORD. A database that has practices already (an earlier demo run, or real
 * data) is left untouched. Outside demo mode these users are never created.
 */
export async function seedDemoAgencyOnce(pool: pg.Pool, log: (line: string) => void, now: Date): Promise<void> {
  // The demo's appointments are placed around the server's today (its clock, `--now` included).
  const report = await seedCentral({ pool, size: "small", referenceDate: parisDayOf(now).date, demoPassword: DEMO_PASSWORD, ifPopulated: "skip" });
  if (!report) {
    log("Mode démonstration : la base contient déjà des cabinets, elle est laissée telle quelle.");
    return;
  }
  log(
    `Mode démonstration : agence créée (${report.counts.practice} cabinets, ${formatCount(report.counts.patient)} patients) en ${formatDuration(report.elapsedMs)}. ` +
      `Comptes : ${SEED_USERS.map((user) => user.login).join(", ")} — mot de passe « ${DEMO_PASSWORD} ».`,
  );
}
