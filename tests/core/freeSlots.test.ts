import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { practitioners } from "../../db/local/schema";
import { freeSlots } from "../../electron/core/queries/freeSlots";
import { createReplica } from "../../electron/core/sync/replica";
import { insertAppointment, insertMotif, insertPatient, insertPractice, insertPractitioner, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

/**
 * The free-slot query on a real encrypted store. NOW is Monday 23 November 2026, 10:00 in Paris.
 * Dr Martin works weekdays 08:30–12:30 and 14:00–18:00; Dr Bernard only on Tuesdays 09:00–10:00.
 */
const tempDir = useTempDirs();
let store: LocalStore;
let tilleuls: string;
let parc: string;
let martin: { id: string; motifId: string };
let bernard: { id: string; motifId: string };
let homeVisit: string;
let patientId: string;

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const paris = (local: string) => new Date(`${local}+01:00`);
const starts = (slots: { practitionerId: string; startAt: string }[]) =>
  slots.map((slot) => [slot.practitionerId === martin.id ? "Martin" : slot.practitionerId === bernard.id ? "Bernard" : "?", slot.startAt]);

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  parc = insertPractice(store, "Cabinet du Parc", "+33123456700");
  martin = insertPractitioner(store, tilleuls, "Martin", { workingHours: [...weekdays("08:30", "12:30"), ...weekdays("14:00", "18:00")] });
  bernard = insertPractitioner(store, tilleuls, "Bernard", { workingHours: [{ weekday: 2, start: "09:00", end: "10:00" }] });
  insertMotif(store, tilleuls, martin.id, { label: "Première consultation", durationMinutes: 30, allowedForNewPatients: true, sortOrder: 1 });
  homeVisit = insertMotif(store, tilleuls, martin.id, {
    label: "Visite à domicile",
    durationMinutes: 45,
    minNoticeMinutes: 2880,
    restrictions: { weekdays: [4] },
    sortOrder: 2,
  });
  patientId = insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène" });
  return () => store.close();
});

describe("free slots from the encrypted store", () => {
  it("proposes each practitioner's everyday motif, earliest first, around what is booked, cancelled ones left free", () => {
    insertAppointment(store, tilleuls, martin, patientId, paris("2026-11-23T10:00:00"));
    insertAppointment(store, tilleuls, martin, patientId, paris("2026-11-23T10:40:00"), "cancelled");
    const slots = freeSlots(store, { practiceId: tilleuls, from: NOW.toISOString(), limit: 4, perPractitioner: 2 }, NOW);
    expect(starts(slots)).toEqual([
      ["Martin", "2026-11-23T09:20:00.000Z"],
      ["Martin", "2026-11-23T09:40:00.000Z"],
      ["Bernard", "2026-11-24T08:00:00.000Z"],
      ["Bernard", "2026-11-24T08:20:00.000Z"],
    ]);
    // Sized for the first motif of each list: the 20-minute consultation.
    expect(slots[0]).toEqual({ practitionerId: martin.id, appointmentTypeId: martin.motifId, startAt: "2026-11-23T09:20:00.000Z", endAt: "2026-11-23T09:40:00.000Z" });
    expect(slots[2]?.appointmentTypeId).toBe(bernard.motifId);
  });

  it("sizes the slots for a chosen motif, with its days and notice, for its practitioner only", () => {
    const slots = freeSlots(store, { practiceId: tilleuls, appointmentTypeId: homeVisit, from: NOW.toISOString(), limit: 3 }, NOW);
    // Thursday is the motif's day, and two days' notice leaves Thursday 26 as the first.
    expect(starts(slots)).toEqual([
      ["Martin", "2026-11-26T07:30:00.000Z"],
      ["Martin", "2026-11-26T08:15:00.000Z"],
      ["Martin", "2026-11-26T09:00:00.000Z"],
    ]);
    expect(slots.every((slot) => slot.appointmentTypeId === homeVisit)).toBe(true);
  });

  it("keeps to the practitioners asked for and to the practice", () => {
    const other = insertPractitioner(store, parc, "Autre", { workingHours: weekdays("08:00", "20:00") });
    const onlyBernard = freeSlots(store, { practiceId: tilleuls, practitionerIds: [bernard.id], from: NOW.toISOString(), limit: 10 }, NOW);
    // Three slots each Tuesday: ten take four Tuesdays, all his.
    expect(onlyBernard).toHaveLength(10);
    expect(new Set(onlyBernard.map((slot) => slot.practitionerId))).toEqual(new Set([bernard.id]));
    expect(onlyBernard[9]?.startAt).toBe("2026-12-15T08:00:00.000Z");
    expect(freeSlots(store, { practiceId: tilleuls, practitionerIds: [other.id], from: NOW.toISOString(), limit: 10 }, NOW)).toEqual([]);
    expect(() => freeSlots(store, { practiceId: tilleuls, appointmentTypeId: other.motifId, from: NOW.toISOString(), limit: 10 }, NOW)).toThrow(TelesecError);
    expect(() => freeSlots(store, { practiceId: tilleuls, appointmentTypeId: randomUUID(), from: NOW.toISOString(), limit: 10 }, NOW)).toThrow(
      "Motif introuvable dans ce cabinet.",
    );
  });

  it("looks beyond the first weeks when they are full, up to the horizon", () => {
    store.db
      .update(practitioners)
      .set({ absences: [{ from: "2026-11-23T00:00:00+01:00", to: "2027-01-04T00:00:00+01:00", reason: "conges", label: "Congés" }] })
      .where(eq(practitioners.id, martin.id))
      .run();
    const [first] = freeSlots(store, { practiceId: tilleuls, practitionerIds: [martin.id], from: NOW.toISOString(), limit: 1 }, NOW);
    expect(first?.startAt).toBe("2027-01-04T07:30:00.000Z");
    expect(freeSlots(store, { practiceId: tilleuls, practitionerIds: [martin.id], from: NOW.toISOString(), until: "2026-12-31T00:00:00Z", limit: 1 }, NOW)).toEqual([]);
  });

  it("reads further only for whoever still lacks slots, and merges the passes in time order", () => {
    store.db
      .update(practitioners)
      .set({ absences: [{ from: "2026-11-23T00:00:00+01:00", to: "2027-02-01T00:00:00+01:00", reason: "conges" }] })
      .where(eq(practitioners.id, bernard.id))
      .run();
    // Martin is full from 10:20 to 12:30 today: his two slots are this afternoon.
    insertAppointment(store, tilleuls, martin, patientId, paris("2026-11-23T10:00:00"), "booked", 150);
    const slots = freeSlots(store, { practiceId: tilleuls, from: NOW.toISOString(), limit: 4, perPractitioner: 2 }, NOW);
    expect(starts(slots)).toEqual([
      ["Martin", "2026-11-23T13:00:00.000Z"],
      ["Martin", "2026-11-23T13:20:00.000Z"],
      ["Bernard", "2027-02-02T08:00:00.000Z"],
      ["Bernard", "2027-02-02T08:20:00.000Z"],
    ]);
  });

  it("never proposes again a slot the secretary has just booked, though the server has not confirmed it yet", () => {
    const replica = createReplica(store, { userId: () => null, clock: manualClock(NOW.getTime()) });
    replica.mutate("appointment.book", {
      id: randomUUID(),
      practitionerId: martin.id,
      patientId,
      appointmentTypeId: martin.motifId,
      startAt: "2026-11-23T09:00:00.000Z",
      endAt: "2026-11-23T09:20:00.000Z",
    });
    const [first] = freeSlots(store, { practiceId: tilleuls, practitionerIds: [martin.id], from: NOW.toISOString(), limit: 1 }, NOW);
    expect(first?.startAt).toBe("2026-11-23T09:20:00.000Z");
  });
});
