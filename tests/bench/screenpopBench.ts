import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type pg from "pg";
import type { Browser, Page } from "playwright-core";
import { connectCentral } from "../../db/central/centralDatabase";
import { seedCentral } from "../../db/seed/seedCentral";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import type { Workstation } from "../../electron/core/workstation";
import { startBenchPostgres } from "./benchPostgres";
import { createPbxLink } from "../../server/telephony/pbxSecrets";
import { parisDayOf } from "../../shared/domain/parisTime";
import { launchChromium } from "../support/browser";
import { CALL_SCREEN_PAGE } from "../support/browserSession";
import { postPbxEvent } from "../support/pbx";
import { percentiles } from "./stats";
import { startServerProcess } from "./serverProcess";
import { dateOf, systemClock } from "../../shared/time/clock";
import { hasSourceMap, summarizePopTrace } from "./popTrace";

/**
 * `npm run bench -- screenpop --data-dir DIR`: the screen pop, end to end, on the agency-size central
 * database of the sync bench (DIR/central, seeded once, reused). The server runs in a process of its
 * own; the secretary's workstation is the browser harness (the real core, the built renderer in
 * Chromium), logged in as `secretaire` (every practice) and done with its initial sync before anything
 * is measured. A PBX link of its own posts `ringing` for a different practice each call (one of its
 * dialled numbers, called from the mobile of one of its patients).
 *
 * Measured, per call: from the 202 of `POST /api/v1/telephony/events` (Date.now() when the status
 * line arrives) to the first frame painted after the three panes hold this practice's content —
 * "Fiche cabinet" titled with its name and naming the identified caller, "Consignes" with its list
 * of directives drawn, "Agenda" with its day table and exactly the day's non-cancelled appointments
 * the central database has for its practitioners. A MutationObserver in the page notes the instant
 * the DOM first holds all that; "painted" is the task after the next animation frame. Both clocks are
 * the machine's wall clock (Date.now() in Node and in Chromium). Not measured: closing each call
 * (its outcome is saved through the "Clôturer l'appel" dialog, as the line requires before the next
 * call pops), and the sync that follows, which is let settle before the next call.
 * The workstation's part is split around the core's one read of the call (`call.workspace`, timed
 * around its handler): the way in (the event to the page, its request back), the read, the way back
 * with React's render to the DOM, and the frame that paints it.
 * With `--trace FILE`, one more call after the measured ones (not counted: tracing slows it) is recorded
 * as a Chromium performance trace, written to FILE, and summarised (./popTrace.ts).
 * Budget (issue 15): p95 ≤ 100 ms from the 202.
 */
const CALLS = 50;
const WARM_UP_CALLS = 5;
const POP_TIMEOUT_MS = 15_000;

const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);

/** One call of the run: which number rings, who calls, and what the panes must then show. */
interface Target {
  practiceId: string;
  practiceName: string;
  dialled: string;
  callerNumber: string;
  callerName: string;
  appointments: number;
}

interface Pop {
  sentAt: number;
  answeredAt: number;
  /** When the workstation core emitted `call.telephony` (the server's WebSocket message arrived). */
  receivedAt: number;
  /** The core's read of the call's workspace: when its handler was entered, and left. */
  readStartedAt: number;
  readEndedAt: number;
  domAt: number;
  paintedAt: number;
  /** The frame painted once the FullCalendar grid replaced the day's sketch. */
  gridAt: number;
}

/**
 * One practice in every `step` (ordered by id, so the same ones run after run), each with its first
 * dialled number and a patient whose first phone no other patient of the practice shares (the caller
 * is then identified without a choice). The expected agenda is read from the central database, never
 * from the workstation, whose caches the measurement must find as the call finds them.
 */
async function pickTargets(pool: pg.Pool, count: number, day: { from: string; to: string }): Promise<Target[]> {
  const { rows: practices } = await pool.query<{ id: string; name: string; e164: string }>(
    `SELECT DISTINCT ON (p.id) p.id, p.name, d.e164
       FROM practice p JOIN dialled_number d ON d.practice_id = p.id AND d.deleted_at IS NULL
      WHERE p.deleted_at IS NULL
      ORDER BY p.id, d.e164`,
  );
  if (practices.length < count) throw new Error(`${practices.length} cabinets seulement : il en faut ${count} (seed agency).`);
  const step = Math.floor(practices.length / count);
  const targets: Target[] = [];
  for (let i = 0; i < count; i++) {
    const practice = practices[i * step]!;
    const { rows: callers } = await pool.query<{ phone: string; birth_name: string; used_name: string | null; first_name: string }>(
      `SELECT p.phones->>0 AS phone, p.birth_name, p.used_name, p.first_name
         FROM patient p
        WHERE p.practice_id = $1 AND p.deleted_at IS NULL AND jsonb_array_length(p.phones) > 0
          AND NOT EXISTS (SELECT 1 FROM patient q WHERE q.practice_id = p.practice_id AND q.id <> p.id AND q.deleted_at IS NULL AND q.phones @> jsonb_build_array(p.phones->>0))
        ORDER BY p.id LIMIT 1`,
      [practice.id],
    );
    const caller = callers[0];
    if (!caller) throw new Error(`Aucun patient joignable pour le cabinet ${practice.name}.`);
    const { rows: agenda } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointment a JOIN practitioner t ON t.id = a.practitioner_id AND t.deleted_at IS NULL
        WHERE t.practice_id = $1 AND a.deleted_at IS NULL AND a.status <> 'cancelled' AND a.start_at < $3 AND a.end_at > $2`,
      [practice.id, day.from, day.to],
    );
    targets.push({
      practiceId: practice.id,
      practiceName: practice.name,
      dialled: practice.e164,
      callerNumber: caller.phone,
      callerName: `${(caller.used_name ?? caller.birth_name).toLocaleUpperCase("fr-FR")} ${caller.first_name}`,
      appointments: agenda[0]!.n,
    });
  }
  return targets;
}

/** What the page must show once `target`'s call has popped (runs in Chromium). */
type Expected = Pick<Target, "practiceName" | "callerName" | "appointments">;

/**
 * Runs in Chromium (plain JavaScript: the Node project has no DOM types). Arms a watcher before the
 * call is announced: window.__screenPop resolves with the instant the DOM first shows the call's
 * three panes, and the instant after the next frame (the one that paints them).
 */
const WATCHER = `(expected) => {
  const agendaShown = (agenda) => agenda.querySelectorAll(".appointment").length === expected.appointments;
  const shown = () => {
    const card = document.querySelector('section[aria-label="Fiche cabinet"]');
    if (card?.querySelector(".pane__header h2")?.textContent !== expected.practiceName) return false;
    if (!card.textContent.includes(expected.callerName)) return false;
    if (!document.querySelector('section[aria-label="Consignes"] ol.directive-list > li')) return false;
    const agenda = document.querySelector('section[aria-label="Agenda"]');
    // The day as first drawn (its sketch) or as the FullCalendar grid that replaces it.
    if (!agenda?.querySelector('table, [role="table"], .agenda-sketch')) return false;
    return agendaShown(agenda);
  };
  const gridBuilt = () => {
    const agenda = document.querySelector('section[aria-label="Agenda"]');
    return !agenda.querySelector(".agenda-sketch") && agenda.querySelector('table, [role="table"]') && agendaShown(agenda);
  };
  if (shown()) throw new Error(expected.practiceName + " était déjà à l'écran avant l'appel.");
  performance.mark("telesec:armed");
  const painted = (mark) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => {
    performance.mark(mark);
    resolve(Date.now());
  }, 0)));
  window.__screenPop = new Promise((resolve) => {
    let first;
    const observer = new MutationObserver(() => {
      if (!first) {
        if (!shown()) return;
        const domAt = Date.now();
        performance.mark("telesec:dom");
        first = painted("telesec:painted").then((paintedAt) => ({ domAt, paintedAt }));
      }
      if (!gridBuilt()) return;
      observer.disconnect();
      painted("telesec:grid").then(async (gridAt) => resolve({ ...(await first), gridAt }));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}`;

function armWatcher(page: Page, expected: Expected): Promise<void> {
  return page.evaluate(`(${WATCHER})(${JSON.stringify(expected)})`);
}

type Shown = { domAt: number; paintedAt: number; gridAt: number };

async function waitForPop(page: Page, target: Target): Promise<Shown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const panes = await page.locator("main.panes").innerText().catch(() => "");
      reject(new Error(`Pas d'affichage complet en ${POP_TIMEOUT_MS} ms pour ${target.practiceName} (attendu : ${target.appointments} rendez-vous, appelant ${target.callerName}).\n${panes.slice(0, 2000)}`));
    }, POP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([page.evaluate<Shown>("window.__screenPop"), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function settled(station: Workstation): Promise<void> {
  for (;;) {
    const status = await station.handlers["sync.now"]({});
    if (status.state === "online" && status.pendingCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Saves an outcome ("Renseignement donné") so the line is free for the next call. Not measured. */
async function closeCall(page: Page): Promise<void> {
  await page.keyboard.press("Alt+KeyC");
  const dialog = page.getByRole("dialog", { name: "Clôturer l'appel" });
  await dialog.getByRole("radio", { name: "Renseignement donné" }).check();
  await dialog.getByRole("button", { name: "Enregistrer l'issue" }).click();
  await page.getByRole("region", { name: "Appel en cours" }).waitFor({ state: "detached" });
}

/** Where the harness serves the built renderer from (its default). */
const RENDERER_DIST = join(process.cwd(), "dist", "renderer");

/** What the trace records: the main thread's tasks, style, layout and paint, and V8's sampling profiler. */
const TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "disabled-by-default-v8.cpu_profiler", "blink.user_timing"];

/** The traced call's own figures, then where its main thread's time went. */
function printTrace(file: string, pop: Pop): void {
  const events = (JSON.parse(readFileSync(file, "utf8")) as { traceEvents: Parameters<typeof summarizePopTrace>[0] }).traceEvents;
  const summary = summarizePopTrace(events, RENDERER_DIST);
  console.log(`\nAppel tracé (en plus des ${CALLS}, non compté ; trace Chromium : ${file})`);
  line("  202 → affiché / appel reçu → affiché", `${pop.paintedAt - pop.answeredAt} ms / ${pop.paintedAt - pop.receivedAt} ms (ralenti par la trace)`);
  line("  fil principal occupé, de l'appel armé à l'image", `${summary.busyMs.toFixed(1)} ms sur ${summary.spanMs.toFixed(1)} ms`);
  for (const [kind, ms] of summary.byKind) line(`  travail : ${kind}`, `${ms.toFixed(1)} ms`);
  if (!hasSourceMap(RENDERER_DIST)) console.log("  (sans carte des sources : npx vite build --config renderer/vite.config.ts --sourcemap)");
  for (const [source, ms] of summary.bySource) line(`  script : ${source}`, `${ms.toFixed(1)} ms`);
  for (const [fn, ms] of summary.byFunction) line(`  fonction : ${fn.slice(0, 80)}`, `${ms.toFixed(1)} ms`);
}

export async function runScreenpopBench(dataDir: string, options: { trace?: string } = {}): Promise<void> {
  const postgres = await startBenchPostgres(dataDir);
  const central = connectCentral(postgres.url);
  const serverProcess = await startServerProcess(postgres.url);
  const scratch = mkdtempSync(join(dataDir, "screenpop-"));
  chmodSync(scratch, 0o755);
  let harness: WebHarness | undefined;
  let browser: Browser | undefined;
  let pbxLinkId: string | undefined;
  try {
    const seeded = await seedCentral({ pool: central.pool, size: "agency", referenceDate: parisDayOf(dateOf(systemClock)).date, demoPassword: "demo", ifPopulated: "skip" });
    if (seeded) line("seed central agency (une fois)", `${(seeded.elapsedMs / 1000).toFixed(1)} s`);
    const pbx = await createPbxLink(central.db, `Banc screen pop ${randomUUID().slice(0, 8)}`, dateOf(systemClock));
    pbxLinkId = pbx.id;
    const day = parisDayOf(new Date());
    const targets = await pickTargets(central.pool, WARM_UP_CALLS + CALLS + (options.trace ? 1 : 0), day);

    // The secretary's workstation, with the whole agency in its replica before anything is measured.
    harness = await startWebHarness({ port: 0, dataDir: join(scratch, "poste"), serverUrl: serverProcess.url });
    const station = harness.workstation;
    const syncStarted = performance.now();
    await station.handlers["session.login"]({ login: "secretaire", password: "demo" });
    await settled(station);
    line("synchro initiale du poste (secretaire, agence)", `${((performance.now() - syncStarted) / 1000).toFixed(1)} s (non mesurée ici)`);

    browser = await launchChromium();
    const page = await browser.newPage(CALL_SCREEN_PAGE);
    await page.goto(harness.url);
    await page.getByRole("status", { name: "État de la connexion" }).filter({ hasText: "En ligne" }).waitFor({ timeout: 30_000 });

    const pops: Pop[] = [];
    const received = new Map<string, number>();
    // Where the workstation's part goes: the core's one read of the call's workspace, timed around its handler
    // (the RPC server looks the handler up at each request), splits it into the way in, the read, the way back and the render.
    const reads: Array<{ startedAt: number; endedAt: number }> = [];
    const handlers = station.handlers as unknown as Record<string, (input: unknown) => unknown>;
    const readWorkspace = handlers["call.workspace"]!;
    handlers["call.workspace"] = async (input) => {
      const startedAt = Date.now();
      try {
        return await readWorkspace(input);
      } finally {
        reads.push({ startedAt, endedAt: Date.now() });
      }
    };
    station.on("call.telephony", (event) => {
      if (event.event === "ringing") received.set(event.callId, Date.now());
    });
    let traced: Pop | undefined;
    for (const [index, target] of targets.entries()) {
      const tracing = index === WARM_UP_CALLS + CALLS;
      if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await armWatcher(page, target);
      const answer = await postPbxEvent(serverProcess.url, pbx.secret, {
        event: "ringing",
        callId: `banc-screenpop-${randomUUID()}`,
        calledNumber: target.dialled,
        callerNumber: target.callerNumber,
        agent: "secretaire",
        at: new Date().toISOString(),
      });
      if (answer.status !== 202 || answer.body.delivered !== 1) {
        throw new Error(`Appel non remis au poste : ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      const { domAt, paintedAt, gridAt } = await waitForPop(page, target);
      const receivedAt = received.get(answer.body.callId as string);
      if (receivedAt === undefined) throw new Error("Le moteur du poste n'a pas annoncé l'appel.");
      const read = reads.findLast((candidate) => candidate.startedAt >= receivedAt);
      if (!read) throw new Error("Le poste n'a pas lu l'espace de l'appel (call.workspace).");
      const pop = { sentAt: answer.sentAt, answeredAt: answer.answeredAt, receivedAt, readStartedAt: read.startedAt, readEndedAt: read.endedAt, domAt, paintedAt, gridAt };
      if (tracing) {
        writeFileSync(options.trace!, await browser.stopTracing());
        traced = pop;
      } else if (index >= WARM_UP_CALLS) pops.push(pop);
      await closeCall(page);
      await settled(station);
    }

    const figure = (label: string, samples: number[], budget = "") => {
      const { p50, p95, max } = percentiles(samples);
      line(label, `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms${budget}`);
    };
    const shownAppointments = targets.slice(WARM_UP_CALLS).reduce((sum, target) => sum + target.appointments, 0);
    line("appels mesurés", `${CALLS} cabinets différents, ${shownAppointments} rendez-vous du jour affichés en tout (${WARM_UP_CALLS} appels d'échauffement avant, non comptés)`);
    figure("screen pop : 202 → trois volets affichés", pops.map((pop) => pop.paintedAt - pop.answeredAt), " (budget p95 ≤ 100 ms)");
    figure("screen pop : 202 → trois volets dans le DOM", pops.map((pop) => pop.domAt - pop.answeredAt));
    figure("screen pop : envoi du POST → trois volets affichés", pops.map((pop) => pop.paintedAt - pop.sentAt));
    figure("serveur : envoi du POST → réponse 202", pops.map((pop) => pop.answeredAt - pop.sentAt));
    figure("serveur : envoi du POST → appel reçu par le poste", pops.map((pop) => pop.receivedAt - pop.sentAt));
    figure("poste : appel reçu → trois volets affichés", pops.map((pop) => pop.paintedAt - pop.receivedAt));
    figure("  dont appel reçu → lecture demandée au cœur", pops.map((pop) => pop.readStartedAt - pop.receivedAt));
    figure("  dont lecture du cœur (call.workspace)", pops.map((pop) => pop.readEndedAt - pop.readStartedAt));
    figure("  dont réponse → trois volets dans le DOM", pops.map((pop) => pop.domAt - pop.readEndedAt));
    figure("  dont DOM → image affichée", pops.map((pop) => pop.paintedAt - pop.domAt));
    figure("202 → grille FullCalendar affichée (après l'esquisse)", pops.map((pop) => pop.gridAt - pop.answeredAt));
    if (traced) printTrace(options.trace!, traced);
  } finally {
    await browser?.close();
    await harness?.close();
    serverProcess.stop();
    if (pbxLinkId) {
      // The bench's calls go, so that the sync bench's initial sync keeps measuring the seed alone.
      const { rows } = await central.pool.query<{ call_id: string }>("DELETE FROM pbx_call WHERE pbx_link_id = $1 RETURNING call_id", [pbxLinkId]);
      await central.pool.query("DELETE FROM call WHERE id = ANY($1::uuid[])", [rows.map((row) => row.call_id)]);
      await central.pool.query("DELETE FROM pbx_link WHERE id = $1", [pbxLinkId]);
      line("appels de mesure retirés de la base", rows.length.toLocaleString("fr-FR"));
    }
    await central.close();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
