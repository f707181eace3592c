import { describe, expect, it } from "vitest";
import { linesQuotingPatients } from "../support/patientDataInLogs";
import { useFreshDatabases } from "../support/postgres";
import { seedSyncFixture } from "../support/syncWorld";

/** The end-to-end suite's log check (tests/support/e2eWorld.ts) must catch what it is there for. */
const freshDatabase = useFreshDatabases();

describe("the search for patient data in logs", () => {
  it("finds a seeded patient's name in any case and their number in any form, and passes ordinary lines", async () => {
    const { db } = await freshDatabase();
    const fixture = await seedSyncFixture(db);
    const [patientId] = fixture.tilleuls.patientIds;
    const lines = [
      "synchro : mutation 12 (message.create) refusée : slot_taken",
      `patient ${patientId} introuvable`,
      "recherche de MARTIN-PATIENT0 : 1 résultat",
      "appel de 06 12 34 56 70",
      "appel de +33612345671",
      "rappel au +33 6 12 34 56 71",
    ];
    const offending = await linesQuotingPatients(db, lines);
    expect(offending).toEqual([expect.stringContaining("MARTIN-PATIENT0"), expect.stringContaining("06 12 34 56 70"), expect.stringContaining("+33612345671"), expect.stringContaining("+33 6 12 34 56 71")]);
  });
});
