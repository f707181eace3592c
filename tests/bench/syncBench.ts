import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { practices, users } from "../../db/central/schema";
import { seedCentral } from "../../db/seed/seedCentral";
import { createWorkstation, STORE_FILE, type Workstation } from "../../electron/core/workstation";
import { hashPassword } from "../../db/central/passwords";
import { connectCentral, type CentralDatabase } from "../../db/central/centralDatabase";
import { startBenchPostgres } from "./benchPostgres";
import { loginResponse, pushResponse } from "../../shared/api/wire";
import { percentiles } from "./stats";
import { measureInitialSyncSteps } from "./initialSyncBreakdown";
import { startServerProcess } from "./serverProcess";
import { spreadSeedVersions } from "./spreadSeedVersions";
import { dateOf, systemClock } from "../../shared/time/clock";
import { parisDayOf } from "../../shared/domain/parisTime";

/**
 * `npm run bench -- sync --data-dir DIR`: the sync engine against a real PostgreSQL holding the
 * agency-size seed (made once in DIR/central, ≈ a minute, then reused), the server in a process of its
 * own. One line per figure.
 * Budgets (issue "Central server and offline-first sync", raised by issue 15): push ≥ 2,000 mutations/s and ≥ 0.7× the
 * raw insert rate; A→B visibility p95 ≤ 250 ms; drain of 500 offline mutations ≤ 5 s; initial sync
 * of the agency scope ≤ 30 s.
 */
const PUSHED = 5_000;
const PUSH_WARM_UP = 1_000;
const VISIBILITY_RUNS = 50;
const DRAIN = 500;

const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

/** Every bench message says so in its caller name ("Banc N"); the seed's never do. */
async function dropBenchMessages(db: CentralDatabase): Promise<number> {
  const result = await db.execute(sql`DELETE FROM message WHERE caller_name LIKE 'Banc %'`);
  return result.rowCount ?? 0;
}

export async function runSyncBench(dataDir: string): Promise<void> {
  // The server runs in a process of its own, as it does in production (on its own machine):
  // the benchmark's workstations must not share its CPU thread.
  const postgres = await startBenchPostgres(dataDir);
  const central = connectCentral(postgres.url);
  const serverProcess = await startServerProcess(postgres.url);
  const server = { url: serverProcess.url, db: central.db, pool: central.pool };
  const scratch = mkdtempSync(join(dataDir, "replicas-"));
  chmodSync(scratch, 0o755);
  const opened: Workstation[] = [];
  try {
    const seeded = await seedCentral({ pool: server.pool, size: "agency", referenceDate: parisDayOf(dateOf(systemClock)).date, demoPassword: "demo", ifPopulated: "skip" });
    if (seeded) line("seed central agency (une fois)", `${(seeded.elapsedMs / 1000).toFixed(1)} s`);
    if (await spreadSeedVersions(server.pool)) line("versions du seed étalées (une fois)", "comme écrites au fil des ans");
    // The agency seed is what the initial sync is measured on: messages left by earlier runs go.
    await dropBenchMessages(server.db);
    const [practice] = await server.db.select({ id: practices.id }).from(practices).limit(1);
    const benchLogin = `banc-${randomUUID().slice(0, 8)}`;
    await server.db.insert(users).values({
      id: randomUUID(),
      login: benchLogin,
      displayName: "Banc de mesure",
      role: "secretary",
      practiceIds: [practice!.id],
      passwordHash: await hashPassword("demo"),
    });

    const logged: string[] = [];
    const workstation = async (login: string) => {
      const dir = mkdtempSync(join(scratch, "ws-"));
      const station = await createWorkstation({
        dataDir: dir,
        keyProvider: keyFileProvider(join(dir, "store.key")),
        serverUrl: server.url,
        pullIntervalMs: 600_000,
        log: (text) => logged.push(text),
      });
      opened.push(station);
      await station.handlers["session.login"]({ login, password: "demo" });
      return { station, dir };
    };
    const settled = async (station: Workstation) => {
      for (;;) {
        const status = await station.handlers["sync.now"]({});
        if (status.state === "online" && status.pendingCount === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const message = (practiceId: string, i: number) => ({
      id: randomUUID(),
      practiceId,
      practitionerId: null,
      patientId: null,
      callId: null,
      callerName: `Banc ${i}`,
      callbackNumber: null,
      // A message for the doctor, the single insert the push path batches; a « rappel demandé » also writes its callback (a transaction of its own, issue 18).
      category: "administratif" as const,
      urgency: "normale" as const,
      text: `Message de mesure ${i}`,
    });

    // 1. Initial sync of the whole agency (secretaire serves every practice).
    {
      const started = performance.now();
      const { station, dir } = await workstation("secretaire");
      await settled(station);
      const seconds = (performance.now() - started) / 1000;
      station.close();
      const key = await keyFileProvider(join(dir, "store.key")).readKey();
      const store = openLocalStore({ path: join(dir, STORE_FILE), key: key! });
      const rows = ["practice", "practitioner", "patient", "appointment", "directive", "message", "call"]
        .map((table) => store.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number)
        .reduce((sum, count) => sum + count, 0);
      store.close();
      line("synchro initiale, périmètre agence", `${rows.toLocaleString("fr-FR")} lignes en ${seconds.toFixed(1)} s (budget ≤ 30 s)`);
      // The workstation's own account of it (syncClient.ts): the load overlapped with the server, then the rebuild.
      const [, loadMs, rebuildMs] = logged.find((text) => text.startsWith("synchro initiale"))?.match(/en (\d+) ms.* en (\d+) ms/) ?? [];
      if (loadMs && rebuildMs) line("  dont chargement des pages, puis reconstruction", `${(Number(loadMs) / 1000).toFixed(1)} s, puis ${(Number(rebuildMs) / 1000).toFixed(1)} s`);

      // The same pipeline step by step, each timed (initialSyncBreakdown.ts): where the time goes.
      const steps = await measureInitialSyncSteps(server.url, "secretaire", "demo", mkdtempSync(join(scratch, "decomposition-")));
      const seconds1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const sum = steps.serverAndTransferMs + steps.jsonMs + steps.checkMs + steps.writeMs + steps.rebuildMs;
      line("  décomposition, étapes l'une après l'autre", `${steps.pages} pages, ${steps.rows.toLocaleString("fr-FR")} lignes, ${seconds1(sum)} en tout`);
      // The server makes each next page while this step-by-step run reads and writes the last (pullReadAhead.ts): what is left is the wait.
      line("  attente des pages (serveur, réseau)", seconds1(steps.serverAndTransferMs));
      line("  poste : lecture JSON", seconds1(steps.jsonMs));
      line("  poste : contrôle (page en zod, chaque valeur selon sa colonne)", seconds1(steps.checkMs));
      line("  poste : écriture (SQLite chiffré)", seconds1(steps.writeMs));
      line("  poste : index et termes de recherche reconstruits", seconds1(steps.rebuildMs));
      line("  termes de recherche refaits depuis les lignes (reprise après panne)", seconds1(steps.searchTermsMs));
    }

    // 2. Push throughput, beside raw single-row inserts of the same rows in the same run.
    {
      const login = loginResponse.parse(
        await (
          await fetch(`${server.url}/api/v1/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ login: benchLogin, password: "demo", deviceName: "banc" }),
          })
        ).json(),
      );
      const pushAll = async (count: number) => {
        const clientId = randomUUID();
        const mutations = Array.from({ length: count }, (_, i) => ({ seq: i + 1, id: randomUUID(), name: "message.create", args: message(practice!.id, i) }));
        for (let from = 0; from < count; from += 500) {
          const response = await fetch(`${server.url}/api/v1/sync/push`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${login.token}` },
            body: JSON.stringify({ clientId, mutations: mutations.slice(from, from + 500) }),
          });
          const body = pushResponse.parse(await response.json());
          if (body.results.some((result) => result.status !== "applied")) throw new Error("mutation refusée pendant la mesure");
        }
      };
      // Not measured: the server process's first pushes compile its code and prepare its statements.
      await pushAll(PUSH_WARM_UP);
      const started = performance.now();
      await pushAll(PUSHED);
      const pushRate = PUSHED / ((performance.now() - started) / 1000);

      const client = await server.pool.connect();
      const rawStarted = performance.now();
      try {
        for (let i = 0; i < PUSHED; i++) {
          const row = message(practice!.id, i);
          await client.query(
            `INSERT INTO message (id, practice_id, caller_name, category, urgency, text, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'nouveau', now())`,
            [row.id, row.practiceId, row.callerName, row.category, row.urgency, row.text],
          );
        }
      } finally {
        client.release();
      }
      const rawRate = PUSHED / ((performance.now() - rawStarted) / 1000);
      line("push (mutations/s)", `${Math.round(pushRate)} /s (budget ≥ 2 000)`);
      line("insertions PostgreSQL brutes, une par transaction", `${Math.round(rawRate)} /s`);
      line("rapport push / brut", `${(pushRate / rawRate).toFixed(2)} (budget ≥ 0,7, objectif 1,0)`);
    }

    // 3. Visibility A → B: from A's action to the row in B's encrypted store.
    {
      const a = await workstation(benchLogin);
      const b = await workstation(benchLogin);
      await settled(a.station);
      await settled(b.station);
      const key = await keyFileProvider(join(b.dir, "store.key")).readKey();
      const reader = openLocalStore({ path: join(b.dir, STORE_FILE), key: key! });
      const seen = reader.sqlite.prepare("SELECT 1 FROM message WHERE id = ?").pluck();
      const samples: number[] = [];
      for (let i = 0; i < VISIBILITY_RUNS; i++) {
        const args = message(practice!.id, i);
        const started = performance.now();
        await a.station.handlers["mutations.apply"]({ name: "message.create", args });
        while (!seen.get(args.id)) await new Promise((resolve) => setImmediate(resolve));
        samples.push(performance.now() - started);
      }
      reader.close();
      const { p50, p95 } = percentiles(samples);
      line("visibilité A → B", `p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (budget p95 ≤ 250 ms)`);

      // 4. Drain: 500 mutations made offline, sent when the session comes back.
      await a.station.handlers["session.logout"]({});
      for (let i = 0; i < DRAIN; i++) await a.station.handlers["mutations.apply"]({ name: "message.create", args: message(practice!.id, i) });
      const started = performance.now();
      await a.station.handlers["session.login"]({ login: benchLogin, password: "demo" });
      await settled(a.station);
      line(`vidage de ${DRAIN} mutations hors ligne`, `${((performance.now() - started) / 1000).toFixed(2)} s (budget ≤ 5 s)`);
    }
    line("messages de mesure retirés de la base", (await dropBenchMessages(server.db)).toLocaleString("fr-FR"));
  } finally {
    for (const station of opened) station.close();
    serverProcess.stop();
    await central.close();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
