import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureSearchTermsCurrent, markSearchTermsCurrent } from "../../db/local/patientSearchIndex";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createRowStore, wireToRaw } from "../../db/local/rowCodec";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { insertPractice } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";

const tempDir = useTempDirs();

function patientRow(practiceId: string, id: string, changes: Record<string, unknown> = {}) {
  return wireToRaw("patient", {
    id,
    version: 1,
    deletedAt: null,
    practiceId,
    birthName: "Le Goff",
    usedName: "Kerébel",
    firstName: "Hélène",
    birthDate: null,
    phones: ["+33612345678"],
    email: null,
    notes: null,
    createdAt: "2026-11-23T09:00:00.000Z",
    updatedAt: "2026-11-23T09:00:00.000Z",
    ...changes,
  });
}

const termsOf = (store: LocalStore, patientId: string) =>
  (store.sqlite.prepare("SELECT term FROM patient_search_term WHERE patient_id = ? ORDER BY term").pluck().all(patientId) as string[]).map((term) =>
    term.slice(term.indexOf("|") + 1),
  );

function storeWithPractice() {
  const store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  return { store, practiceId: insertPractice(store, "Cabinet des Tilleuls", "+33123456789") };
}

describe("patient search terms", () => {
  it("follow a patient's changes: the old name's terms go, the new ones come, nothing else is touched", () => {
    const { store, practiceId } = storeWithPractice();
    const rows = createRowStore(store.sqlite);
    const [helene, other] = [randomUUID(), randomUUID()];
    rows.put("patient", patientRow(practiceId, helene));
    rows.put("patient", patientRow(practiceId, other, { usedName: null, firstName: "Yann" }));
    expect(termsOf(store, helene)).toEqual(["ngoff", "nhelene", "nkerebel", "nle", "t0612345678"]);

    rows.put("patient", patientRow(practiceId, helene, { usedName: null, phones: ["+33698765432"] }));
    expect(termsOf(store, helene)).toEqual(["ngoff", "nhelene", "nle", "t0698765432"]);
    expect(termsOf(store, other)).toEqual(["ngoff", "nle", "nyann", "t0612345678"]);

    rows.put("patient", patientRow(practiceId, helene, { usedName: null, phones: ["+33698765432"], deletedAt: "2026-11-23T10:00:00.000Z" }));
    expect(termsOf(store, helene)).toEqual([]);
    rows.remove("patient", other);
    expect(store.sqlite.prepare("SELECT count(*) FROM patient_search_term").pluck().get()).toBe(0);
    store.close();
  });

  it("are rebuilt when they were made by another version of the term function, and only then", () => {
    const { store, practiceId } = storeWithPractice();
    const id = randomUUID();
    createRowStore(store.sqlite).put("patient", patientRow(practiceId, id));
    // What an older term function might have left: a term today's function would never delete.
    store.sqlite.prepare("INSERT INTO patient_search_term (term, patient_id) VALUES (?, ?)").run(`${practiceId}|nlegoff`, id);
    store.sqlite.prepare("INSERT INTO sync_state (key, value) VALUES ('search_terms_version', '0')").run();

    expect(ensureSearchTermsCurrent(store.sqlite)).toBe(true);
    expect(termsOf(store, id)).toEqual(["ngoff", "nhelene", "nkerebel", "nle", "t0612345678"]);
    expect(createPatientQueries(store.sqlite).search(practiceId, "kereb", 10).map((patient) => patient.id)).toEqual([id]);
    expect(ensureSearchTermsCurrent(store.sqlite)).toBe(false);

    markSearchTermsCurrent(store.sqlite);
    expect(ensureSearchTermsCurrent(store.sqlite)).toBe(false);
    store.close();
  });
});
