import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beginBulkLoad, finishBulkLoad, isBulkLoading } from "../../db/local/bulkLoad";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createRowStore, wireToRaw } from "../../db/local/rowCodec";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { createReplica } from "../../electron/core/sync/replica";
import { pulledRowOfChange } from "../../electron/core/sync/pulledPage";
import { isStagingSearchTerms, rebuildSearchTerms } from "../../db/local/patientSearchIndex";
import { insertPatient, insertPractice, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

const tempDir = useTempDirs();
const indexNames = (store: LocalStore) =>
  store.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

describe("first-sync bulk load", () => {
  it("defers the secondary indexes and search terms, then rebuilds them all", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
    const practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    insertPatient(store, practiceId, { birthName: "Dupont", firstName: "Hélène", phones: ["+33612345678"] });
    const before = indexNames(store);

    beginBulkLoad(store.sqlite);
    expect(isBulkLoading(store.sqlite)).toBe(true);
    expect(indexNames(store)).not.toContain("appointment_practitioner_start_idx");
    // As sync writes it: through the row store, which leaves the terms to the rebuild.
    createRowStore(store.sqlite).put(
      "patient",
      wireToRaw("patient", {
        id: randomUUID(),
        version: 7,
        deletedAt: null,
        practiceId,
        birthName: "Le Goff",
        usedName: null,
        firstName: "Gaëlle",
        birthDate: null,
        phones: ["+33145678901"],
        email: null,
        notes: null,
        createdAt: "2026-11-23T09:00:00.000Z",
        updatedAt: "2026-11-23T09:00:00.000Z",
      }),
    );
    expect(store.sqlite.prepare("SELECT count(*) FROM patient_search_term WHERE term LIKE ?").pluck().get(`${practiceId}|ngoff%`)).toBe(0);

    finishBulkLoad(store.sqlite);
    expect(isBulkLoading(store.sqlite)).toBe(false);
    expect(indexNames(store)).toEqual(before);
    const patients = createPatientQueries(store.sqlite);
    expect(patients.search(practiceId, "goff", 10).map((p) => p.firstName)).toEqual(["Gaëlle"]);
    expect(patients.search(practiceId, "helene", 10).map((p) => p.birthName)).toEqual(["Dupont"]);
    expect(patients.byCallerNumber(practiceId, "01 45 67 89 01")).toHaveLength(1);
    store.close();
  });

  it("finishes a first sync cut short by a crash when the replica opens again", () => {
    const path = join(tempDir(), "telesec.db");
    const key = randomBytes(32);
    const store = openLocalStore({ path, key });
    const practiceId = insertPractice(store, "Cabinet du Parc", "+33123456780");
    beginBulkLoad(store.sqlite);
    insertPatient(store, practiceId, { birthName: "Martin", firstName: "Loïc" });
    store.close();

    const reopened = openLocalStore({ path, key });
    createReplica(reopened, { userId: () => null, clock: manualClock(NOW.getTime()) });
    expect(isBulkLoading(reopened.sqlite)).toBe(false);
    expect(indexNames(reopened)).toContain("appointment_practitioner_start_idx");
    expect(createPatientQueries(reopened.sqlite).search(practiceId, "loic", 10)).toHaveLength(1);
    reopened.close();
  });

  it("loads under a rollback journal, and a crash mid-page leaves the committed pages and none of the torn one", () => {
    const dir = tempDir();
    const path = join(dir, "telesec.db");
    const key = randomBytes(32);
    const store = openLocalStore({ path, key });
    const practiceId = insertPractice(store, "Cabinet du Parc", "+33123456780");
    beginBulkLoad(store.sqlite);
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("delete");
    const rows = createRowStore(store.sqlite);
    const patient = (birthName: string) =>
      wireToRaw("patient", {
        id: randomUUID(),
        version: 1,
        deletedAt: null,
        practiceId,
        birthName,
        usedName: null,
        firstName: "Anne",
        birthDate: null,
        phones: [],
        email: null,
        notes: "x".repeat(2_000),
        createdAt: "2026-11-23T09:00:00.000Z",
        updatedAt: "2026-11-23T09:00:00.000Z",
      });
    store.sqlite.transaction(() => {
      for (let i = 0; i < 200; i++) rows.put("patient", patient(`Commis${i}`));
    })();

    // A torn page: the transaction has spilled pages into the database file (tiny cache) when the
    // process dies. Copying the files now is what a crash leaves on disk.
    store.sqlite.pragma("cache_size = 10");
    store.sqlite.exec("BEGIN");
    for (let i = 0; i < 500; i++) rows.put("patient", patient(`Dechire${i}`));
    const crashed = join(tempDir(), "telesec.db");
    cpSync(path, crashed);
    expect(existsSync(`${path}-journal`)).toBe(true);
    cpSync(`${path}-journal`, `${crashed}-journal`);
    store.sqlite.exec("ROLLBACK");
    store.close();

    const reopened = openLocalStore({ path: crashed, key });
    expect(reopened.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    createReplica(reopened, { userId: () => null, clock: manualClock(NOW.getTime()) });
    expect(reopened.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    const patients = createPatientQueries(reopened.sqlite);
    expect(patients.search(practiceId, "commis", 100)).toHaveLength(100);
    expect(reopened.sqlite.prepare("SELECT count(*) FROM patient WHERE birth_name LIKE 'Commis%'").pluck().get()).toBe(200);
    expect(reopened.sqlite.prepare("SELECT count(*) FROM patient WHERE birth_name LIKE 'Dechire%'").pluck().get()).toBe(0);
    reopened.close();
  });

  it("returns to WAL once the load is finished", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
    beginBulkLoad(store.sqlite);
    finishBulkLoad(store.sqlite);
    expect(store.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    // The store's everyday setting: every commit waits for the disk (FULL is 2).
    expect(store.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    store.close();
  });
});

describe("search terms staged during a first sync", () => {
  const USER_ID = randomUUID();
  let version = 1;
  const patient = (practiceId: string, id: string, birthName: string, firstName: string, deleted = false) =>
    pulledRowOfChange({
      table: "patient",
      op: deleted ? "delete" : "upsert",
      row: {
        id,
        version: version++,
        deletedAt: deleted ? "2026-11-23T10:00:00.000Z" : null,
        practiceId,
        birthName,
        usedName: null,
        firstName,
        birthDate: null,
        phones: [`+336${String(version).padStart(8, "0")}`],
        email: null,
        notes: null,
        createdAt: "2026-11-23T09:00:00.000Z",
        updatedAt: "2026-11-23T09:00:00.000Z",
      },
    });
  const ownRow = (practiceIds: string[]) =>
    pulledRowOfChange({
      table: "user",
      op: "upsert",
      row: { id: USER_ID, version: version++, deletedAt: null, login: "secretaire", displayName: "Camille Laurent", role: "secretary", practiceIds, extension: null },
    });
  const terms = (store: LocalStore) => store.sqlite.prepare("SELECT term, patient_id FROM patient_search_term ORDER BY term, patient_id").all();

  it("ends with exactly the terms a rebuild from the rows gives, whatever was rewritten, erased or changed here during the load", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
    const tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const gare = insertPractice(store, "Cabinet de la Gare", "+33123456780");
    const replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    const [renamed, erased, ghost, edited, kept, elsewhere] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];

    replica.beginFirstSync();
    expect(isStagingSearchTerms(store.sqlite)).toBe(true);
    replica.applyPull(
      [
        ownRow([tilleuls, gare]),
        patient(tilleuls, renamed, "Dupont", "Hélène"),
        patient(tilleuls, erased, "Martin", "Loïc"),
        // A tombstone for a patient this store never had.
        patient(tilleuls, ghost, "Fantome", "Casper", true),
        patient(tilleuls, edited, "Bernard", "Anne"),
        patient(tilleuls, kept, "Le Goff", "Gaëlle"),
        patient(gare, elsewhere, "Lefebvre", "Yann"),
      ],
      "page-1",
    );
    // Changed on this workstation while the load goes on: a pending change, applied again under every later page.
    replica.mutate("patient.update", { id: edited, firstName: "Annabelle" });
    // Changed on the server meanwhile: pulled again by a later page; then a practice taken from the account.
    replica.applyPull([ownRow([tilleuls]), patient(tilleuls, renamed, "Durand", "Hélène"), patient(tilleuls, erased, "Martin", "Loïc", true)], "page-2");
    replica.finishFirstSync();

    const search = createPatientQueries(store.sqlite);
    const found = (practiceId: string, text: string) => search.search(practiceId, text, 10).map((row) => row.id);
    expect(found(tilleuls, "durand")).toEqual([renamed]);
    expect(found(tilleuls, "dupont")).toEqual([]);
    expect(found(tilleuls, "loic")).toEqual([]);
    expect(found(tilleuls, "fantome")).toEqual([]);
    expect(found(tilleuls, "annabelle")).toEqual([edited]);
    expect(found(tilleuls, "bernard")).toEqual([edited]);
    expect(found(tilleuls, "goff")).toEqual([kept]);
    expect(store.sqlite.prepare("SELECT count(*) FROM patient_search_term WHERE term LIKE ?").pluck().get(`${gare}|%`)).toBe(0);

    const staged = terms(store);
    expect(staged.length).toBeGreaterThan(8);
    store.sqlite.transaction(() => rebuildSearchTerms(store.sqlite))();
    expect(terms(store)).toEqual(staged);
    store.close();
  });

  it("stages the terms of a page of hundreds of patients in batches, none lost, none kept for a practice erased by the same page", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
    const tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const gare = insertPractice(store, "Cabinet de la Gare", "+33123456780");
    const replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    replica.beginFirstSync();
    replica.applyPull([ownRow([tilleuls, gare])], "page-0");
    // Enough terms for several batches and a remainder (patientSearchIndex.ts stages 250 per statement).
    const page = Array.from({ length: 301 }, (_, i) => patient(i % 2 === 0 ? tilleuls : gare, randomUUID(), `Nom${i}`, `Prenom${i}`));
    // The account's own row, last in the page, takes the Gare away: its patients' terms, batched just before, go too.
    replica.applyPull([...page, ownRow([tilleuls])], "page-1");
    expect(store.sqlite.prepare("SELECT count(*) FROM patient").pluck().get()).toBe(151);
    replica.finishFirstSync();

    const kept = terms(store);
    expect(kept.length).toBe(151 * 3);
    expect(kept.filter((row) => (row as { term: string }).term.startsWith(`${gare}|`))).toEqual([]);
    expect(createPatientQueries(store.sqlite).search(tilleuls, "nom300", 10)).toHaveLength(1);
    store.sqlite.transaction(() => rebuildSearchTerms(store.sqlite))();
    expect(terms(store)).toEqual(kept);
    store.close();
  });

  it("keeps no term batched by a page whose writing failed: the page pulled again stages its rows as they are then", () => {
    const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
    const tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    replica.beginFirstSync();
    const id = randomUUID();
    const broken = { table: "patient" as const, cells: [] as unknown[] };
    expect(() => replica.applyPull([ownRow([tilleuls]), patient(tilleuls, id, "Dupont", "Hélène"), broken], "page-1")).toThrow();
    replica.applyPull([ownRow([tilleuls]), patient(tilleuls, id, "Durand", "Hélène")], "page-1");
    replica.finishFirstSync();

    const search = createPatientQueries(store.sqlite);
    expect(search.search(tilleuls, "dupont", 10)).toEqual([]);
    expect(search.search(tilleuls, "durand", 10).map((row) => row.id)).toEqual([id]);
    store.close();
  });

  it("rebuilds every term from the rows when the load is finished by another connection (its staged terms died with the first)", () => {
    const path = join(tempDir(), "telesec.db");
    const key = randomBytes(32);
    const store = openLocalStore({ path, key });
    const tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
    const replica = createReplica(store, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    replica.beginFirstSync();
    const id = randomUUID();
    replica.applyPull([ownRow([tilleuls]), patient(tilleuls, id, "Dupont", "Hélène")], "page-1");
    store.close();

    const reopened = openLocalStore({ path, key });
    createReplica(reopened, { userId: () => USER_ID, clock: manualClock(NOW.getTime()) });
    expect(createPatientQueries(reopened.sqlite).search(tilleuls, "dupont", 10).map((row) => row.id)).toEqual([id]);
    reopened.close();
  });
});
