import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { agendaRange } from "../../electron/core/queries/agenda";
import { callWorkspace, type CallWorkspaceRequest } from "../../electron/core/queries/callWorkspace";
import { directivesInForce } from "../../electron/core/queries/directives";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { practiceByDialledNumber } from "../../electron/core/queries/practices";
import { callWorkspace as callWorkspaceView } from "../../shared/api/views";
import { parisDayOf } from "../../shared/domain/parisTime";
import { insertAppointment, insertDirective, insertPatient, insertPractice, insertPractitioner, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";

/**
 * `call.workspace`, the screen pop's one read: exactly what the first panes' own methods answer, from one
 * snapshot, and nothing for a number no practice has. The caller lookup goes through the function
 * the workstation gives (which records the read for the audit trail): asked once, for that practice.
 */
const tempDir = useTempDirs();
let store: LocalStore;
let tilleuls: string;
let martin: { id: string; motifId: string };
let helene: string;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  martin = insertPractitioner(store, tilleuls, "Martin", { workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "19:00" })) });
  helene = insertPatient(store, tilleuls, { birthName: "Durand", firstName: "Hélène", phones: ["+33612345678"] });
  insertAppointment(store, tilleuls, martin, helene, new Date(NOW.getTime() + 2 * 3_600_000));
  insertDirective(store, tilleuls, { title: "Urgences : faire le 15", category: "urgence" });
  return () => store.close();
});

const today = parisDayOf(NOW);
const request = (changes: Partial<CallWorkspaceRequest> = {}): CallWorkspaceRequest => ({
  dialledNumber: "01 23 45 67 89",
  callerNumber: "06 12 34 56 78",
  at: NOW.toISOString(),
  agenda: { from: today.from, to: today.to },
  ...changes,
});

describe("the workspace of a call", () => {
  it("holds what each pane's own read gives, the caller looked up once through the workstation's audited lookup", () => {
    const lookups: Array<[string, string]> = [];
    const patients = createPatientQueries(store.sqlite);
    const workspace = callWorkspace(store, request(), (practiceId, number) => (lookups.push([practiceId, number]), patients.byCallerNumber(practiceId, number)));

    expect(callWorkspaceView.parse(workspace)).toEqual(workspace);
    expect(workspace.practice).toEqual(practiceByDialledNumber(store.db, "01 23 45 67 89"));
    expect(lookups).toEqual([[tilleuls, "06 12 34 56 78"]]);
    expect(workspace.callerPatients.map((patient) => patient.id)).toEqual([helene]);
    expect(workspace.directives).toEqual(directivesInForce(store.db, tilleuls, NOW.toISOString()));
    expect(workspace.agenda).toEqual(agendaRange(store, [martin.id], today.from, today.to));
    expect(workspace.agenda).toHaveLength(1);
  });

  it("looks nobody up for a withheld number, and gives nothing but a null practice for an unknown one", () => {
    const asked: string[] = [];
    const withheld = callWorkspace(store, request({ callerNumber: "" }), (_practiceId, number) => (asked.push(number), []));
    expect(withheld.practice?.id).toBe(tilleuls);
    expect(withheld.callerPatients).toEqual([]);
    expect(asked).toEqual([]);

    const unknown = callWorkspace(store, request({ dialledNumber: "09 99 99 99 99" }), (_practiceId, number) => (asked.push(number), []));
    expect(unknown).toEqual({ practice: null, callerPatients: [], directives: [], agenda: [] });
    expect(asked).toEqual([]);
  });
});
