import { randomBytes } from "node:crypto";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLocalMigrationsDir, openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { useTempDirs } from "../support/tempDir";

/**
 * One test per migration of the local store: apply every migration up to it on a store that
 * already holds data from the previous ones, then check the schema it promises and that the
 * earlier data survived. A migration without a case here fails the last test.
 */
interface Journal {
  entries: { idx: number; tag: string }[];
}
interface Snapshot {
  tables: Record<string, { columns: Record<string, unknown> }>;
}

const migrationsDir = defaultLocalMigrationsDir();
const journal = JSON.parse(readFileSync(join(migrationsDir, "meta", "_journal.json"), "utf8")) as Journal;
const tempDir = useTempDirs();

function migrationsUpTo(idx: number): string {
  const dir = join(tempDir(), "migrations");
  cpSync(migrationsDir, dir, { recursive: true });
  const truncated = { ...journal, entries: journal.entries.filter((entry) => entry.idx <= idx) };
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify(truncated));
  return dir;
}

function columnsOf(store: LocalStore, table: string): string[] {
  return (store.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name).sort();
}

function snapshotColumns(idx: number): Record<string, string[]> {
  const tag = String(idx).padStart(4, "0");
  const snapshot = JSON.parse(readFileSync(join(migrationsDir, "meta", `${tag}_snapshot.json`), "utf8")) as Snapshot;
  return Object.fromEntries(Object.entries(snapshot.tables).map(([name, table]) => [name, Object.keys(table.columns).sort()]));
}

/** Applies migrations 0..idx-1, lets `before` write data, then applies idx and hands the store to `after`. */
function migrateStepwise(idx: number, before: (store: LocalStore) => void, after: (store: LocalStore) => void) {
  const dataDir = tempDir();
  const path = join(dataDir, "telesec.db");
  const key = randomBytes(32);
  if (idx > 0) {
    const earlier = openLocalStore({ path, key, migrationsDir: migrationsUpTo(idx - 1) });
    before(earlier);
    earlier.close();
  }
  const store = openLocalStore({ path, key, migrationsDir: migrationsUpTo(idx) });
  try {
    after(store);
  } finally {
    store.close();
  }
}

/** A practice, its practitioner and one motif ("motif-1"), as rows of the schema before migration 0004. */
function insertMotifRows(store: { sqlite: { exec(sql: string): unknown } }): void {
  store.sqlite.exec(`INSERT INTO practice (id, name, kind, address, greetings, coverage_schedule, referrals)
    VALUES ('cabinet-1', 'Cabinet', 'cabinet', '{}', '{}', '[]', '[]')`);
  store.sqlite.exec(`INSERT INTO practitioner (id, practice_id, title, first_name, last_name, specialty, accepts_new_patients, working_hours, exceptional_openings, absences, color)
    VALUES ('praticien-1', 'cabinet-1', 'Dr', 'Claire', 'Martin', 'Médecine générale', 'oui', '[]', '[]', '[]', '#000000')`);
  store.sqlite.exec(`INSERT INTO appointment_type (id, practice_id, practitioner_id, label, duration_minutes, color, allowed_for_new_patients, restrictions)
    VALUES ('motif-1', 'cabinet-1', 'praticien-1', 'Consultation', 20, '#000000', 1, '{}')`);
}

const cases: Record<string, () => void> = {
  "0000_initial": () =>
    migrateStepwise(
      0,
      () => {},
      (store) => {
        for (const [table, columns] of Object.entries(snapshotColumns(0))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0001_patient_search_index": () =>
    migrateStepwise(
      1,
      (store) => {
        store.sqlite
          .prepare("INSERT INTO sync_state (key, value) VALUES ('client_id', 'avant-migration')")
          .run();
      },
      (store) => {
        expect(columnsOf(store, "patient_search_term")).toEqual(["patient_id", "term"]);
        const ddl = store.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'patient_search_term'").pluck().get() as string;
        expect(ddl).toMatch(/WITHOUT ROWID/);
        expect(store.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'client_id'").pluck().get()).toBe("avant-migration");
        for (const [table, columns] of Object.entries(snapshotColumns(1))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0002_outbox_undo": () =>
    migrateStepwise(
      2,
      (store) => {
        store.sqlite
          .prepare("INSERT INTO outbox (seq, mutation_id, name, args, created_at) VALUES (1, 'm-1', 'patient.create', '{}', 0)")
          .run();
      },
      (store) => {
        // A mutation queued before the upgrade keeps its place and gets an empty undo log.
        expect(store.sqlite.prepare("SELECT seq, name, undo FROM outbox").all()).toEqual([{ seq: 1, name: "patient.create", undo: "[]" }]);
        for (const [table, columns] of Object.entries(snapshotColumns(2))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0003_search_term_exact_keys": () =>
    migrateStepwise(
      3,
      (store) => {
        store.sqlite.prepare("INSERT INTO patient_search_term (term, patient_id) VALUES ('cabinet|ndupont', 'patient-1')").run();
      },
      (store) => {
        const indexes = store.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'patient_search_term'").pluck().all();
        expect(indexes).not.toContain("patient_search_term_patient_idx");
        expect(store.sqlite.prepare("SELECT term, patient_id FROM patient_search_term").all()).toEqual([{ term: "cabinet|ndupont", patient_id: "patient-1" }]);
        for (const [table, columns] of Object.entries(snapshotColumns(3))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0004_motif_sort_order": () =>
    migrateStepwise(
      4,
      (store) => {
        insertMotifRows(store);
      },
      (store) => {
        // Motifs made before the upgrade all rank first; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, label, sort_order FROM appointment_type").all()).toEqual([{ id: "motif-1", label: "Consultation", sort_order: 0 }]);
        for (const [table, columns] of Object.entries(snapshotColumns(4))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0005_waitlist_offer": () =>
    migrateStepwise(
      5,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO patient (id, practice_id, birth_name, first_name, phones, created_at, updated_at)
          VALUES ('patient-1', 'cabinet-1', 'DUPONT', 'Marie', '[]', 0, 0)`);
        store.sqlite.exec(`INSERT INTO waitlist_entry (id, practice_id, patient_id, appointment_type_id, practitioner_ids, preferred_windows, created_at)
          VALUES ('attente-1', 'cabinet-1', 'patient-1', 'motif-1', '["praticien-1"]', '[]', 0)`);
      },
      (store) => {
        // Entries waiting before the upgrade have no offer yet; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, practitioner_ids, offered_slot FROM waitlist_entry").all()).toEqual([
          { id: "attente-1", practitioner_ids: '["praticien-1"]', offered_slot: null },
        ]);
        for (const [table, columns] of Object.entries(snapshotColumns(5))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0006_practice_on_call": () =>
    migrateStepwise(
      6,
      (store) => {
        insertMotifRows(store);
      },
      (store) => {
        // Practices synced before the upgrade have no on-call doctor set; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, name, on_call FROM practice").all()).toEqual([{ id: "cabinet-1", name: expect.any(String), on_call: null }]);
        for (const [table, columns] of Object.entries(snapshotColumns(6))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0007_message_agreement": () =>
    migrateStepwise(
      7,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO message (id, practice_id, practitioner_id, caller_name, category, urgency, text, status, created_at)
          VALUES ('message-1', 'cabinet-1', 'praticien-1', 'Mme Durand', 'rappel', 'normale', 'Rappeler', 'nouveau', 0)`);
      },
      (store) => {
        // Messages taken before the upgrade ask no agreement and hold no answer; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, text, request, answer FROM message").all()).toEqual([{ id: "message-1", text: "Rappeler", request: null, answer: null }]);
        const plan = store.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM message WHERE patient_id = ?").all("patient-1") as { detail: string }[];
        expect(plan.map((step) => step.detail).join(" ")).toContain("message_patient_idx");
        for (const [table, columns] of Object.entries(snapshotColumns(7))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0008_message_reading": () =>
    migrateStepwise(
      8,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO message (id, practice_id, practitioner_id, caller_name, category, urgency, text, status, created_at, answer)
          VALUES ('message-1', 'cabinet-1', 'praticien-1', 'Mme Durand', 'rappel', 'normale', 'Rappeler', 'lu', 0, NULL)`);
      },
      (store) => {
        // Messages synced before the upgrade were never opened on the portal; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, text, status, reading FROM message").all()).toEqual([{ id: "message-1", text: "Rappeler", status: "lu", reading: null }]);
        for (const [table, columns] of Object.entries(snapshotColumns(8))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0009_call_patient_index": () =>
    migrateStepwise(
      9,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO call (id, practice_id, dialled_number, patient_id, started_at, links)
          VALUES ('call-1', 'cabinet-1', '+33144556677', NULL, 0, '{"appointmentIds":[],"messageIds":[]}')`);
      },
      (store) => {
        // Calls keep everything; a patient's are found by the new index, newest first.
        expect(store.sqlite.prepare("SELECT id, dialled_number FROM call").all()).toEqual([{ id: "call-1", dialled_number: "+33144556677" }]);
        const plan = store.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM call WHERE patient_id = ? ORDER BY started_at DESC LIMIT 5").all("patient-1") as { detail: string }[];
        expect(plan.map((step) => step.detail).join(" ")).toContain("call_patient_started_idx");
        for (const [table, columns] of Object.entries(snapshotColumns(9))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0010_patient_sms_opposition": () =>
    migrateStepwise(
      10,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO patient (id, practice_id, birth_name, first_name, phones, created_at, updated_at) VALUES ('patient-1', 'cabinet-1', 'DURAND', 'Hélène', '[]', 0, 0)`);
      },
      (store) => {
        // Patients synced before the upgrade oppose no SMS; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, birth_name, sms_opposition FROM patient").all()).toEqual([{ id: "patient-1", birth_name: expect.any(String), sms_opposition: 0 }]);
        for (const [table, columns] of Object.entries(snapshotColumns(10))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0011_callback": () =>
    migrateStepwise(
      11,
      (store) => insertMotifRows(store),
      (store) => {
        // Practices keep everything and take the agency's callback delays; the queue starts empty.
        expect(store.sqlite.prepare("SELECT id, callback_delays FROM practice").all()).toEqual([{ id: "cabinet-1", callback_delays: null }]);
        expect(store.sqlite.prepare("SELECT count(*) AS count FROM callback").get()).toEqual({ count: 0 });
        // The queue's count reads the open ones by their own index, whatever the closed ones number.
        const plan = store.sqlite.prepare("EXPLAIN QUERY PLAN SELECT count(*), sum(due_at < 0) FROM callback WHERE status IN ('a_faire', 'en_cours') AND deleted_at IS NULL").all() as { detail: string }[];
        expect(plan.map((step) => step.detail).join(" ")).toContain("callback_open_idx");
        for (const [table, columns] of Object.entries(snapshotColumns(11))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
  "0012_call_direction": () =>
    migrateStepwise(
      12,
      (store) => {
        insertMotifRows(store);
        store.sqlite.exec(`INSERT INTO call (id, practice_id, dialled_number, patient_id, started_at, links)
          VALUES ('call-1', 'cabinet-1', '+33144556677', NULL, 0, '{"appointmentIds":[],"messageIds":[]}')`);
      },
      (store) => {
        // Calls synced before the upgrade were answered ones; they keep everything else.
        expect(store.sqlite.prepare("SELECT id, dialled_number, direction FROM call").all()).toEqual([{ id: "call-1", dialled_number: "+33144556677", direction: "entrant" }]);
        for (const [table, columns] of Object.entries(snapshotColumns(12))) expect(columnsOf(store, table), table).toEqual(columns);
      },
    ),
};

describe("local store migrations", () => {
  for (const entry of journal.entries) {
    it(`migration ${entry.tag}`, () => {
      const run = cases[entry.tag];
      expect(run, `aucun test pour la migration ${entry.tag}`).toBeDefined();
      run!();
    });
  }

  it("every test case names a shipped migration", () => {
    expect(Object.keys(cases).sort()).toEqual(journal.entries.map((entry) => entry.tag).sort());
  });
});
