import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import "../../shared/domain/frenchValidation";
import { postgresUrl } from "../../db/central/centralDatabase";
import { StartupError } from "../../db/central/startupError";

/** Which central database a maintenance command works on: the embedded one's folder (server stopped), or DATABASE_URL. */
export const databaseTarget = {
  dataDir: z.string().trim().min(1, "Le dossier de données ne peut pas être vide.").optional(),
  databaseUrl: postgresUrl.optional(),
};
export const namesADatabase = [
  (args: { dataDir?: string | undefined; databaseUrl?: string | undefined }) => args.dataDir !== undefined || args.databaseUrl !== undefined,
  { message: "Précisez la base : --data-dir DOSSIER (ou la variable DATABASE_URL)." },
] as const;

/**
 * A maintenance command's arguments: parsed strictly, checked with `schema` (French messages, each
 * followed by the usage), null when `--help` was asked. `toInput` maps the parsed flags (and the
 * environment) onto what the schema checks.
 */
export function parseCommandLine<T>(
  argv: readonly string[],
  spec: { usage: string; options: NonNullable<ParseArgsConfig["options"]>; schema: z.ZodType<T>; toInput: (values: Record<string, unknown>) => unknown },
): T | null {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { ...spec.options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new StartupError(`Argument non reconnu (${(error as Error).message}).\n\n${spec.usage}`);
  }
  if (values.help) return null;
  const parsed = spec.schema.safeParse(spec.toInput(values));
  if (!parsed.success) throw new StartupError(`${parsed.error.issues.map((issue) => issue.message).join("\n")}\n\n${spec.usage}`);
  return parsed.data;
}

/** Runs a command: a StartupError is said alone (exit 1), anything else with its stack. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof StartupError ? error.message : String((error as Error).stack ?? error)}\n`);
    process.exitCode = 1;
  });
}
