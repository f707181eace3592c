import { parseArgs } from "node:util";
import { z } from "zod";
import { describeMachineConfigError } from "../../../shared/config/machineConfig";
import { clockStartingAt, startInstant } from "../../../shared/time/clock";
import { readMachineConfig } from "../config/readMachineConfig";
import { startWebHarness } from "./webHarness";

/**
 * `npm run web -- --port N --data-dir DIR [--server URL] [--config FILE] [--now ISO]`: the renderer in any browser,
 * with a real core behind it. `--config` reads a machine configuration file as the app reads the
 * system's (docs/deployment.md): its server wins over `--server`, and a wrong file shows the error screen.
 * `--now ISO-8601` starts the core's clock (and so the page's) at that instant, for demos and tests.
 */
const argsSchema = z.object({
  port: z.coerce.number({ message: "--port attend un numéro de port" }).int().min(0).max(65535, "--port doit être compris entre 0 et 65535"),
  "data-dir": z.string({ message: "--data-dir est obligatoire (dossier de la base locale)" }).min(1),
  server: z.string().url("--server attend l'adresse du serveur central (http://…)").optional(),
  config: z.string().min(1, "--config attend le chemin d'un fichier de configuration du poste").optional(),
  now: startInstant.optional(),
});

let values;
try {
  ({ values } = parseArgs({
    options: { port: { type: "string", default: "5180" }, "data-dir": { type: "string" }, server: { type: "string" }, config: { type: "string" }, now: { type: "string" } },
    strict: true,
  }));
} catch (error) {
  console.error(`Argument non reconnu ou sans valeur (${(error as Error).message}). Usage : npm run web -- --port 5180 --data-dir DOSSIER [--server URL] [--config FICHIER] [--now INSTANT]`);
  process.exit(2);
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`Arguments invalides : ${parsed.error.issues.map((issue) => issue.message).join(" ; ")}`);
  process.exit(2);
}

const machine = parsed.data.config ? await readMachineConfig(parsed.data.config) : null;
if (machine && !machine.ok) console.error(`${describeMachineConfigError(machine.error)}. La page du poste affiche l'erreur.`);
const configured = machine?.ok ? machine.config : null;
if (configured?.serverUrl && parsed.data.server && configured.serverUrl !== parsed.data.server) {
  console.error(`--server ignoré : la configuration du poste fixe le serveur (${configured.serverUrl}).`);
}
const serverUrl = configured?.serverUrl ?? parsed.data.server;

const harness = await startWebHarness({
  port: parsed.data.port,
  dataDir: parsed.data["data-dir"],
  log: (line) => console.error(line),
  ...(serverUrl ? { serverUrl } : {}),
  ...(configured ? { autoLockMinutes: configured.autoLockMinutes } : {}),
  ...(machine && !machine.ok ? { configError: machine.error } : {}),
  ...(parsed.data.now !== undefined ? { clock: clockStartingAt(parsed.data.now) } : {}),
});
console.log(`Télésec (banc navigateur) : ${harness.url}`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
