import { describe, expect, it } from "vitest";
import type { DirectiveView } from "../../../shared/api/views";
import { selectVisibleAppointments } from "../../../renderer/src/stores/agendaSelectors";
import { initialAgendaState } from "../../../renderer/src/stores/agendaStore";
import {
  selectCallerPatients,
  selectIsUnknownCaller,
  selectNoPracticeForNumber,
  selectOpenPractice,
  selectPractitionerIds,
} from "../../../renderer/src/stores/callSelectors";
import { initialCallState, type CallState } from "../../../renderer/src/stores/callStore";
import { isTemporaryDirective, selectDirectivesInDisplayOrder } from "../../../renderer/src/stores/directivesSelectors";
import { failed, idle, loading, ready } from "../../../renderer/src/stores/loadable";
import { selectIsWorkstationReady, selectUnreadableStore } from "../../../renderer/src/stores/workstationSelectors";
import { initialWorkstationState } from "../../../renderer/src/stores/workstationStore";
import { IDS, directives, patients, tilleuls, todaysAppointments } from "../fixtures";

const callWith = (change: Partial<CallState>): CallState => ({ ...initialCallState, ...change });

describe("call selectors", () => {
  it("exposes the practice only once found", () => {
    expect(selectOpenPractice(callWith({ practice: loading }))).toBeNull();
    expect(selectOpenPractice(callWith({ practice: ready(tilleuls) }))).toBe(tilleuls);
    expect(selectPractitionerIds(callWith({ practice: ready(tilleuls) }))).toEqual([IDS.drMartin, IDS.drDupont, IDS.sfBernard]);
    expect(selectPractitionerIds(callWith({ practice: idle }))).toEqual([]);
  });

  it("tells a missing practice from a lookup still running or failed", () => {
    expect(selectNoPracticeForNumber(callWith({ practice: ready(null) }))).toBe(true);
    expect(selectNoPracticeForNumber(callWith({ practice: loading }))).toBe(false);
    expect(selectNoPracticeForNumber(callWith({ practice: failed("hors ligne") }))).toBe(false);
  });

  it("calls the caller unknown only once the lookup found nobody", () => {
    expect(selectIsUnknownCaller(callWith({ callerPatients: loading }))).toBe(false);
    expect(selectIsUnknownCaller(callWith({ callerPatients: failed("hors ligne") }))).toBe(false);
    expect(selectIsUnknownCaller(callWith({ callerPatients: ready([]) }))).toBe(true);
    const helene = patients.slice(0, 1);
    expect(selectIsUnknownCaller(callWith({ callerPatients: ready(helene) }))).toBe(false);
    expect(selectCallerPatients(callWith({ callerPatients: ready(helene) }))).toBe(helene);
  });

  it("returns the same empty list each time, so subscribed components do not re-render for nothing", () => {
    expect(selectCallerPatients(callWith({ callerPatients: loading }))).toBe(selectCallerPatients(initialCallState));
  });
});

describe("directive selectors", () => {
  const directive = (change: Partial<DirectiveView>): DirectiveView => ({ ...directives[0]!, ...change });

  it("puts emergencies first, then higher priority, then category order and title", () => {
    const list = [
      directive({ id: "a", category: "general", priority: 1, title: "B" }),
      directive({ id: "b", category: "urgence", priority: 0, title: "Urgence" }),
      directive({ id: "c", category: "general", priority: 9, title: "Prioritaire" }),
      directive({ id: "d", category: "ordonnances", priority: 1, title: "Z" }),
      directive({ id: "e", category: "general", priority: 1, title: "A" }),
      directive({ id: "f", category: "urgence", priority: 4, title: "Urgence prioritaire" }),
    ];
    const ordered = selectDirectivesInDisplayOrder({ directives: ready(list) }).map((item) => item.id);
    expect(ordered).toEqual(["f", "b", "c", "d", "e", "a"]);
  });

  it("does not reorder the store's own array", () => {
    const list = [directive({ id: "a", category: "general" }), directive({ id: "b", category: "urgence" })];
    selectDirectivesInDisplayOrder({ directives: ready(list) });
    expect(list.map((item) => item.id)).toEqual(["a", "b"]);
  });

  it("is empty until the consignes arrive", () => {
    expect(selectDirectivesInDisplayOrder({ directives: loading })).toEqual([]);
  });

  it("knows a temporary consigne by its bounds", () => {
    expect(isTemporaryDirective(directive({ validFrom: null, validTo: null }))).toBe(false);
    expect(isTemporaryDirective(directive({ validFrom: null, validTo: "2099-01-01T00:00:00Z" }))).toBe(true);
  });
});

describe("agenda selectors", () => {
  it("hides cancelled appointments and sorts by start", () => {
    const appointments = todaysAppointments().slice(0, 3).reverse();
    const visible = selectVisibleAppointments({ ...initialAgendaState, appointments: ready(appointments) });
    expect(visible.map((appointment) => appointment.motifLabel)).toEqual(["Consultation", "Vaccination"]);
    expect(visible.every((appointment) => appointment.status !== "cancelled")).toBe(true);
  });

  it("is empty while loading", () => {
    expect(selectVisibleAppointments({ ...initialAgendaState, appointments: loading })).toEqual([]);
  });
});

describe("workstation selectors", () => {
  it("reports an unreadable store with its reason", () => {
    const unreadable = { state: "store_unreadable", reason: "missing_key", message: "" } as const;
    expect(selectUnreadableStore({ ...initialWorkstationState, status: ready(unreadable) })).toEqual(unreadable);
    expect(selectUnreadableStore({ ...initialWorkstationState, status: ready({ state: "ready" }) })).toBeNull();
    expect(selectIsWorkstationReady({ ...initialWorkstationState, status: ready({ state: "ready" }) })).toBe(true);
    expect(selectIsWorkstationReady(initialWorkstationState)).toBe(false);
  });
});
