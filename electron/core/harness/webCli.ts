import { parseArgs } from "node:util";
import { z } from "zod";
import { startWebHarness } from "./webHarness";

/** `npm run web -- --port N --data-dir DIR`: the renderer in any browser, with a real core behind it. */
const argsSchema = z.object({
  port: z.coerce.number({ message: "--port attend un numéro de port" }).int().min(0).max(65535, "--port doit être compris entre 0 et 65535"),
  "data-dir": z.string({ message: "--data-dir est obligatoire (dossier de la base locale)" }).min(1),
  server: z.string().url("--server attend l'adresse du serveur central (http://…)").optional(),
});

const { values } = parseArgs({
  options: { port: { type: "string", default: "5180" }, "data-dir": { type: "string" }, server: { type: "string" } },
  strict: true,
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`Arguments invalides : ${parsed.error.issues.map((issue) => issue.message).join(" ; ")}`);
  process.exit(2);
}

const harness = await startWebHarness({
  port: parsed.data.port,
  dataDir: parsed.data["data-dir"],
  log: (line) => console.error(line),
  ...(parsed.data.server ? { serverUrl: parsed.data.server } : {}),
});
console.log(`Télésec (banc navigateur) : ${harness.url}`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
