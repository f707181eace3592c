import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { agendaRange, appointmentsOfPatient } from "../../electron/core/queries/agenda";
import { motifsOfPractice } from "../../electron/core/queries/motifs";
import { waitlistByPractice } from "../../electron/core/queries/waitlist";
import { waitlistEntries } from "../../db/local/schema";
import { directivesInForce } from "../../electron/core/queries/directives";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { listPractices, practiceByDialledNumber } from "../../electron/core/queries/practices";
import {
  insertAppointment,
  insertDirective,
  insertMotif,
  insertPatient,
  insertPractice,
  insertPractitioner,
  NOW,
} from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";

const tempDir = useTempDirs();
let store: LocalStore;
let tilleuls: string;
let parc: string;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  parc = insertPractice(store, "Cabinet du Parc", "+33123456700");
  return () => store.close();
});

describe("practice by dialled number", () => {
  it.each(["01 23 45 67 89", "+33 1 23 45 67 89", "0033123456789", "01.23.45.67.89"])("finds the practice dialled as %s", (number) => {
    const card = practiceByDialledNumber(store.db, number);
    expect(card?.name).toBe("Cabinet des Tilleuls");
    expect(card?.dialledNumbers).toEqual(["+33123456789"]);
  });

  it("returns the card with practitioners sorted by name", () => {
    insertPractitioner(store, tilleuls, "Martin");
    insertPractitioner(store, tilleuls, "Bernard");
    insertPractitioner(store, parc, "Autre");
    const card = practiceByDialledNumber(store.db, "0123456789");
    expect(card?.practitioners.map((p) => p.lastName)).toEqual(["Bernard", "Martin"]);
    expect(card?.greetings.default).toMatch(/^Cabinet des Tilleuls, bonjour/);
  });

  it("answers null for a number no practice uses", () => {
    expect(practiceByDialledNumber(store.db, "01 99 99 99 99")).toBeNull();
  });

  it("refuses a number that is not one, with a French message", () => {
    expect(() => practiceByDialledNumber(store.db, "abc")).toThrow(TelesecError);
    expect(() => practiceByDialledNumber(store.db, "abc")).toThrow(/Numéro appelé invalide/);
  });

  it("lists active practices with their numbers", () => {
    expect(listPractices(store.db).map((p) => [p.name, p.dialledNumbers])).toEqual([
      ["Cabinet des Tilleuls", ["+33123456789"]],
      ["Cabinet du Parc", ["+33123456700"]],
    ]);
  });
});

describe("patients", () => {
  let queries: ReturnType<typeof createPatientQueries>;
  beforeEach(() => {
    queries = createPatientQueries(store.sqlite);
    insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène", birthDate: "1985-03-12", phones: ["+33612345678"] });
    insertPatient(store, tilleuls, { birthName: "Le Goff", usedName: "Martin-Dubois", firstName: "Gaëlle", phones: ["+33145678901"] });
    insertPatient(store, tilleuls, { birthName: "Helias", firstName: "Jérôme", birthDate: "1990-01-01", phones: ["+33612345678"] });
    // Same name and number in another practice: must never show up in Tilleuls' results.
    insertPatient(store, parc, { birthName: "Dupont", firstName: "Hélène", birthDate: "1985-03-12", phones: ["+33612345678"] });
  });

  const names = (patients: { firstName: string; birthName: string; practiceId: string }[]) =>
    patients.map((p) => `${p.firstName} ${p.birthName}`);

  it("finds 'helene' as Hélène, whatever the case and accents", () => {
    expect(names(queries.search(tilleuls, "helene", 20))).toEqual(["Hélène Dupont"]);
    expect(names(queries.search(tilleuls, "HÉLÈNE", 20))).toEqual(["Hélène Dupont"]);
  });

  it("matches name prefixes, all words required", () => {
    expect(names(queries.search(tilleuls, "hel", 20)).sort()).toEqual(["Hélène Dupont", "Jérôme Helias"]);
    expect(names(queries.search(tilleuls, "hel dup", 20))).toEqual(["Hélène Dupont"]);
    expect(names(queries.search(tilleuls, "dup jer", 20))).toEqual([]);
  });

  it("finds compound, birth and used names", () => {
    expect(names(queries.search(tilleuls, "goff", 20))).toEqual(["Gaëlle Le Goff"]);
    expect(names(queries.search(tilleuls, "dubois", 20))).toEqual(["Gaëlle Le Goff"]);
    expect(names(queries.search(tilleuls, "martin gael", 20))).toEqual(["Gaëlle Le Goff"]);
  });

  it("finds by birth date written the French way", () => {
    expect(names(queries.search(tilleuls, "12/03/1985", 20))).toEqual(["Hélène Dupont"]);
  });

  it("finds by phone digits, in any form", () => {
    expect(names(queries.search(tilleuls, "06 12 34", 20)).sort()).toEqual(["Hélène Dupont", "Jérôme Helias"]);
    expect(names(queries.search(tilleuls, "+33 1 45", 20))).toEqual(["Gaëlle Le Goff"]);
  });

  it("never returns a patient of another practice", () => {
    const found = queries.search(parc, "hel", 20);
    expect(found).toHaveLength(1);
    expect(found[0]!.practiceId).toBe(parc);
  });

  it("respects the limit", () => {
    expect(queries.search(tilleuls, "hel", 1)).toHaveLength(1);
  });

  it("identifies the caller by number, within the practice only", () => {
    expect(names(queries.byCallerNumber(tilleuls, "06 12 34 56 78")).sort()).toEqual(["Hélène Dupont", "Jérôme Helias"]);
    expect(queries.byCallerNumber(parc, "+33612345678").map((p) => p.practiceId)).toEqual([parc]);
    expect(queries.byCallerNumber(tilleuls, "06 12 34 56 70")).toEqual([]);
  });

  it("finds nobody for a withheld number, without failing", () => {
    expect(queries.byCallerNumber(tilleuls, "anonymous")).toEqual([]);
  });

  it("does not match a longer number that merely starts with the caller's", () => {
    expect(queries.byCallerNumber(tilleuls, "06 12 34 56 7")).toEqual([]);
  });
});

describe("directives in force", () => {
  it("keeps those valid at the instant, emergency first, and nothing of other practices", () => {
    const day = 24 * 60 * 60 * 1000;
    insertDirective(store, tilleuls, { title: "Nouveaux patients", category: "nouveaux_patients", priority: 5 });
    insertDirective(store, tilleuls, { title: "Urgences : le 15", category: "urgence" });
    insertDirective(store, tilleuls, {
      title: "Dr Martin absent",
      category: "general",
      validFrom: new Date(NOW.getTime() - day),
      validTo: new Date(NOW.getTime() + day),
    });
    insertDirective(store, tilleuls, { title: "Expirée", category: "general", validTo: new Date(NOW.getTime() - day) });
    insertDirective(store, tilleuls, { title: "Future", category: "general", validFrom: new Date(NOW.getTime() + day) });
    insertDirective(store, parc, { title: "Autre cabinet", category: "urgence" });

    const found = directivesInForce(store.db, tilleuls, NOW.toISOString());
    expect(found.map((d) => d.title)).toEqual(["Urgences : le 15", "Dr Martin absent", "Nouveaux patients"]);
    expect(found[1]!.validTo).toBe(new Date(NOW.getTime() + day).toISOString());
  });
});

describe("agenda range", () => {
  it("returns the practitioners' overlapping appointments, cancelled ones left out", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin");
    const bernard = insertPractitioner(store, tilleuls, "Bernard");
    const patient = insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène" });
    const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
    insertAppointment(store, tilleuls, martin, patient, at("08:50")); // overlaps the start of the range
    insertAppointment(store, tilleuls, martin, patient, at("10:00"));
    insertAppointment(store, tilleuls, martin, patient, at("11:00"), "cancelled");
    insertAppointment(store, tilleuls, martin, patient, at("13:00")); // after the range
    insertAppointment(store, tilleuls, bernard, patient, at("10:30"));

    const found = agendaRange(store, [martin.id], "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z");
    expect(found.map((a) => a.startAt)).toEqual(["2026-11-23T08:50:00.000Z", "2026-11-23T10:00:00.000Z"]);
    expect(found[0]).toMatchObject({ patientName: "DUPONT Hélène", motifLabel: "Consultation", status: "booked" });
    expect(agendaRange(store, [martin.id, bernard.id], "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z")).toHaveLength(3);
  });

  it("marks pending the appointments a queued mutation of this workstation books or changes", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin");
    const patient = insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène" });
    const confirmed = insertAppointment(store, tilleuls, martin, patient, new Date("2026-11-23T10:00:00Z"));
    const moved = insertAppointment(store, tilleuls, martin, patient, new Date("2026-11-23T11:00:00Z"));
    store.sqlite
      .prepare("INSERT INTO outbox (seq, mutation_id, name, args, created_at) VALUES (1, 'm-1', 'appointment.move', ?, 0), (2, 'm-2', 'message.create', ?, 0)")
      .run(JSON.stringify({ id: moved }), JSON.stringify({ id: confirmed }));

    const found = agendaRange(store, [martin.id], "2026-11-23T09:00:00Z", "2026-11-23T12:00:00Z");
    expect(found.map(({ id, pending }) => ({ id, pending }))).toEqual([
      { id: confirmed, pending: false },
      { id: moved, pending: true },
    ]);
  });
});

describe("a patient's own appointments", () => {
  it("gives those not over yet, soonest first, and the last three before, latest first; never cancelled ones or another patient's", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin");
    const helene = insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène" });
    const marc = insertPatient(store, tilleuls, { birthName: "Lefèvre", firstName: "Marc" });
    const day = (date: string, hhmm = "09:00") => new Date(`${date}T${hhmm}:00Z`);
    for (const date of ["2026-10-01", "2026-10-15", "2026-11-02", "2026-11-16"]) insertAppointment(store, tilleuls, martin, helene, day(date));
    // Under way at 10:10 (its end is after now): still hers to hear about.
    insertAppointment(store, tilleuls, martin, helene, day("2026-11-23", "10:00"));
    insertAppointment(store, tilleuls, martin, helene, day("2026-12-07"));
    insertAppointment(store, tilleuls, martin, helene, day("2026-11-30"));
    insertAppointment(store, tilleuls, martin, helene, day("2026-12-01"), "cancelled");
    insertAppointment(store, tilleuls, martin, marc, day("2026-11-25"));

    const own = appointmentsOfPatient(store, helene, new Date("2026-11-23T10:10:00Z"));

    expect(own.upcoming.map((a) => a.startAt)).toEqual(["2026-11-23T10:00:00.000Z", "2026-11-30T09:00:00.000Z", "2026-12-07T09:00:00.000Z"]);
    expect(own.past.map((a) => a.startAt)).toEqual(["2026-11-16T09:00:00.000Z", "2026-11-02T09:00:00.000Z", "2026-10-15T09:00:00.000Z"]);
    expect(own.upcoming[0]).toMatchObject({ patientName: "DUPONT Hélène", motifLabel: "Consultation", pending: false });
  });
});

describe("motifs of a practice", () => {
  it("lists each practitioner's motifs in their order, with the instructions to read out, and no other practice's", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin");
    insertMotif(store, tilleuls, martin.id, { label: "Bilan sanguin", durationMinutes: 15, patientInstructions: "Venir à jeun", sortOrder: 2 });
    insertMotif(store, tilleuls, martin.id, { label: "Vaccination", durationMinutes: 10, sortOrder: 1 });
    insertPractitioner(store, parc, "Autre");

    const motifs = motifsOfPractice(store.db, tilleuls);
    expect(motifs.map((motif) => motif.label)).toEqual(["Consultation", "Vaccination", "Bilan sanguin"]);
    expect(motifs[2]).toMatchObject({ practitionerId: martin.id, durationMinutes: 15, patientInstructions: "Venir à jeun" });
  });
});

describe("waitlist of a practice", () => {
  function waiting(practitioner: { id: string; motifId: string }, patientId: string, offeredSlot: { startAt: string; endAt: string } | null, createdAt: Date) {
    const id = crypto.randomUUID();
    store.db
      .insert(waitlistEntries)
      .values({
        id,
        practiceId: tilleuls,
        patientId,
        appointmentTypeId: practitioner.motifId,
        practitionerIds: [practitioner.id],
        preferredWindows: [{ weekday: 2, start: "09:00", end: "12:00" }],
        createdAt,
        offeredSlot: offeredSlot && {
          ...offeredSlot,
          practitionerId: practitioner.id,
          appointmentTypeId: practitioner.motifId,
          freedByAppointmentId: crypto.randomUUID(),
          offeredAt: NOW.toISOString(),
          declinedEntryIds: [],
        },
      })
      .run();
    return id;
  }

  it("lists the entries oldest first, and shows an offer only while it is to come and still free", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin");
    const helene = insertPatient(store, tilleuls, { birthName: "Martin", usedName: "Durand", firstName: "Hélène" });
    const marc = insertPatient(store, tilleuls, { birthName: "Petit", firstName: "Marc" });
    const lea = insertPatient(store, tilleuls, { birthName: "Roux", firstName: "Léa" });
    const free = { startAt: "2026-11-24T09:00:00.000Z", endAt: "2026-11-24T09:20:00.000Z" };
    const taken = { startAt: "2026-11-24T10:00:00.000Z", endAt: "2026-11-24T10:20:00.000Z" };
    const past = { startAt: "2026-11-23T08:00:00.000Z", endAt: "2026-11-23T08:20:00.000Z" };
    insertAppointment(store, tilleuls, martin, marc, new Date("2026-11-24T10:10:00Z"));
    const second = waiting(martin, marc, taken, new Date("2026-11-02T00:00:00Z"));
    const first = waiting(martin, helene, free, new Date("2026-11-01T00:00:00Z"));
    const third = waiting(martin, lea, past, new Date("2026-11-03T00:00:00Z"));

    const list = waitlistByPractice(store, tilleuls, NOW);
    expect(list.map((entry) => entry.id)).toEqual([first, second, third]);
    expect(list[0]).toMatchObject({ patientName: "DURAND Hélène", motifLabel: "Consultation", offer: { ...free, practitionerId: martin.id, motifLabel: "Consultation", agreementId: null } });
    expect(list[1]!.offer).toBeNull();
    expect(list[2]!.offer).toBeNull();
    expect(waitlistByPractice(store, parc, NOW)).toEqual([]);

    // An offer made on the practitioner's « oui » carries it to the booking.
    const agreementId = crypto.randomUUID();
    const withAgreement = waiting(martin, lea, { startAt: "2026-11-24T11:00:00.000Z", endAt: "2026-11-24T11:20:00.000Z" }, new Date("2026-11-04T00:00:00Z"));
    store.sqlite.prepare("UPDATE waitlist_entry SET offered_slot = json_set(offered_slot, '$.agreementId', ?) WHERE id = ?").run(agreementId, withAgreement);
    expect(waitlistByPractice(store, tilleuls, NOW).find((entry) => entry.id === withAgreement)?.offer).toMatchObject({ agreementId });
  });
});
