import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { openLocalStore } from "../../db/local/openLocalStore";
import { rebuildSearchTerms } from "../../db/local/patientSearchIndex";
import { createReplica } from "../../electron/core/sync/replica";
import { decodePulledPage } from "../../electron/core/sync/pulledPage";
import { loginResponse, pullAnswer } from "../../shared/api/wire";
import { systemClock } from "../../shared/time/clock";

/**
 * Where a first sync's time goes (issue 15): the workstation's own pipeline, one step after the other
 * instead of overlapped, each step timed — the server producing a page and sending it (request to the
 * last byte), JSON parsing, the protocol check (zod for the page, each cell against its column, in the
 * store's form), the replica writing the page into a fresh encrypted store, and the final rebuild of
 * the deferred indexes and patient search terms. The workstation overlaps the first with the others
 * (it asks for the next page before writing the current one), so its total is less than the sum.
 */
export interface InitialSyncSteps {
  pages: number;
  rows: number;
  serverAndTransferMs: number;
  jsonMs: number;
  checkMs: number;
  writeMs: number;
  rebuildMs: number;
  /** The patient search terms remade from the rows afterwards: what a store reopened after a crash mid-load does (the load stages them as it goes). */
  searchTermsMs: number;
}

/** Same page size as the workstation's (syncClient.ts). */
const PAGE_SIZE = 20_000;

export async function measureInitialSyncSteps(serverUrl: string, login: string, password: string, dir: string): Promise<InitialSyncSteps> {
  const signedIn = loginResponse.parse(
    await (
      await fetch(`${serverUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login, password, deviceName: "banc décomposition" }),
      })
    ).json(),
  );
  const store = openLocalStore({ path: join(dir, "decomposition.db"), key: randomBytes(32) });
  const replica = createReplica(store, { userId: () => signedIn.user.id, clock: systemClock });
  const steps: InitialSyncSteps = { pages: 0, rows: 0, serverAndTransferMs: 0, jsonMs: 0, checkMs: 0, writeMs: 0, rebuildMs: 0, searchTermsMs: 0 };
  const clientId = randomUUID();
  try {
    replica.beginFirstSync();
    let cursor = "";
    for (;;) {
      let at = performance.now();
      const lap = () => {
        const elapsed = performance.now() - at;
        at = performance.now();
        return elapsed;
      };
      const query = new URLSearchParams({ cursor, clientId, limit: String(PAGE_SIZE), format: "columns" });
      const response = await fetch(`${serverUrl}/api/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${signedIn.token}`, accept: "application/json" } });
      const text = await response.text();
      if (!response.ok) throw new Error(`Page refusée : HTTP ${response.status} ${text.slice(0, 200)}`);
      steps.serverAndTransferMs += lap();
      const body: unknown = JSON.parse(text);
      steps.jsonMs += lap();
      const page = decodePulledPage(pullAnswer.parse(body));
      steps.checkMs += lap();
      replica.applyPull(page.rows, page.cursor);
      steps.writeMs += lap();
      steps.pages += 1;
      steps.rows += page.rows.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const started = performance.now();
    replica.finishFirstSync();
    steps.rebuildMs = performance.now() - started;
    const terms = performance.now();
    store.sqlite.transaction(() => rebuildSearchTerms(store.sqlite))();
    steps.searchTermsMs = performance.now() - terms;
    return steps;
  } finally {
    store.close();
  }
}
