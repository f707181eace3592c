import { LocalStoreError } from "../local/storeErrors";
import { openCentralDatabase } from "../central/openCentralDatabase";
import { StartupError } from "../central/startupError";
import { SEED_USERS } from "./demo";
import { createProgressDisplay } from "./progressDisplay";
import { parseSeedArgs, SEED_USAGE, type SeedArgs } from "./seedArgs";
import { DEMO_PASSWORD, seedCentral } from "./seedCentral";
import { SeedError } from "./seedError";
import { seedLocal } from "./seedLocal";
import { SEED_SIZES } from "./seedSizes";
import { formatSeedSummary } from "./seedSummary";

/** `npm run seed -- --size small|agency --target local|central --data-dir DIR`: progress on stderr, summary on stdout. */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  if (args === null) {
    process.stdout.write(`${SEED_USAGE}\n`);
    return 0;
  }
  const progress = createProgressDisplay(process.stderr, SEED_SIZES[args.size].patients);
  const summary = args.target === "local" ? await seedLocalStore(args, progress.onBatch) : await seedCentralDatabase(args, progress.onBatch);
  progress.finish();
  process.stdout.write(`${summary}\n`);
  return 0;
}

type Progress = ReturnType<typeof createProgressDisplay>["onBatch"];

async function seedLocalStore(args: Extract<SeedArgs, { target: "local" }>, onBatch: Progress): Promise<string> {
  const report = await seedLocal({ dataDir: args.dataDir, size: args.size, referenceDate: args.referenceDate, onBatch });
  return formatSeedSummary(args.size, report);
}

/** DATABASE_URL's PostgreSQL, or the embedded one of the data folder, started for the time of the seed. */
async function seedCentralDatabase(args: Extract<SeedArgs, { target: "central" }>, onBatch: Progress): Promise<string> {
  const database = await openCentralDatabase({ databaseUrl: args.databaseUrl, dataDir: args.dataDir });
  try {
    const report = await seedCentral({ pool: database.connection.pool, size: args.size, referenceDate: args.referenceDate, demoPassword: DEMO_PASSWORD, onBatch });
    // The server keeps no patient search index (workstations build theirs): nothing to count there.
    const written = args.databaseUrl ? report.database : `la base PostgreSQL intégrée de ${args.dataDir}`;
    const summary = formatSeedSummary(args.size, { ...report, databasePath: written, counts: { ...report.counts, patient_search_term: 0 } });
    return `${summary}\nComptes de démonstration : ${SEED_USERS.map((user) => user.login).join(", ")} — mot de passe « ${DEMO_PASSWORD} ».`;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const expected = error instanceof SeedError || error instanceof LocalStoreError || error instanceof StartupError;
    process.stderr.write(`${expected ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
