import { LocalStoreError } from "../local/storeErrors";
import { createProgressDisplay } from "./progressDisplay";
import { parseSeedArgs, SEED_USAGE } from "./seedArgs";
import { SeedError } from "./seedError";
import { seedLocal } from "./seedLocal";
import { SEED_SIZES } from "./seedSizes";
import { formatSeedSummary } from "./seedSummary";

/** `npm run seed -- --size small|agency --target local --data-dir DIR`: progress on stderr, summary on stdout. */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  if (args === null) {
    process.stdout.write(`${SEED_USAGE}\n`);
    return 0;
  }
  const progress = createProgressDisplay(process.stderr, SEED_SIZES[args.size].patients);
  const report = await seedLocal({ dataDir: args.dataDir, size: args.size, referenceDate: args.referenceDate, onBatch: progress.onBatch });
  progress.finish();
  process.stdout.write(`${formatSeedSummary(args.size, report)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const expected = error instanceof SeedError || error instanceof LocalStoreError;
    process.stderr.write(`${expected ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
