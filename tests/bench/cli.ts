import { parseArgs } from "node:util";
import { z } from "zod";
import { runRemindersBench } from "./remindersBench";
import { runReportsBench } from "./reportsBench";
import { runScreenpopBench } from "./screenpopBench";
import { runSearchBench } from "./searchBench";
import { runSlotsBench } from "./slotsBench";
import { runSyncBench } from "./syncBench";

/** `npm run bench -- <name> [--data-dir DIR]`: prints figures; budgets live in docs/performance.md. */
const benches: Record<string, (dataDir: string, options: { trace?: string }) => Promise<void>> = {
  reminders: runRemindersBench,
  reports: runReportsBench,
  // --trace FILE: one more pop, recorded as a Chromium trace and summarised.
  screenpop: runScreenpopBench,
  search: runSearchBench,
  // Self-contained: builds its own agenda, ignores --data-dir.
  slots: () => runSlotsBench(),
  sync: runSyncBench,
};

const { values, positionals } = parseArgs({ options: { "data-dir": { type: "string", default: ".data/agency" }, trace: { type: "string" } }, allowPositionals: true });
const args = z
  .object({
    name: z.enum(Object.keys(benches) as [string, ...string[]], { message: `Banc inconnu. Bancs disponibles : ${Object.keys(benches).join(", ")}` }),
    dataDir: z.string().min(1),
  })
  .safeParse({ name: positionals[0], dataDir: values["data-dir"] });
if (!args.success) {
  console.error(args.error.issues.map((issue) => issue.message).join(" ; "));
  process.exit(2);
}
await benches[args.data.name]!(args.data.dataDir, { ...(values.trace ? { trace: values.trace } : {}) });
