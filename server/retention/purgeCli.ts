import { openCentralDatabase } from "../../db/central/openCentralDatabase";
import { StartupError } from "../../db/central/startupError";
import { parsePurgeArgs, PURGE_USAGE } from "./purgeArgs";
import { purgeExpiredData } from "./purgeExpiredData";
import { describePurge } from "./retentionJob";
import { dateOf, systemClock } from "../../shared/time/clock";

/** `npm run purge -- …`: one retention purge now (server/retention/purgeArgs.ts says how). */
async function main(): Promise<void> {
  const args = parsePurgeArgs(process.argv.slice(2), process.env);
  if (args === null) {
    process.stdout.write(`${PURGE_USAGE}\n`);
    return;
  }
  const database = await openCentralDatabase({ ...(args.dataDir ? { dataDir: args.dataDir } : {}), ...(args.databaseUrl ? { databaseUrl: args.databaseUrl } : {}), durable: true });
  try {
    const report = await purgeExpiredData(database.connection.db, { patientYears: args.patientYears, callYears: args.callYears }, { now: dateOf(systemClock), dryRun: args.dryRun });
    process.stdout.write(`${describePurge(report)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof StartupError ? `${error.message}\n` : `Purge impossible : ${String((error as Error).stack ?? error)}\n`);
  process.exitCode = error instanceof StartupError ? 2 : 1;
});
