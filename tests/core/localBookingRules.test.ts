import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { createReplica, type Replica } from "../../electron/core/sync/replica";
import { MutationRejected } from "../../shared/sync/mutations";
import { insertAppointment, insertMotif, insertPatient, insertPractice, insertPractitioner, NOW } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";

/**
 * The booking rules checked on the workstation before a booking is queued, offline as online: the
 * same codes and messages as the server, nothing queued when refused. NOW is Monday 23 November
 * 2026, 10:00 in Paris; Dr Martin works weekdays 08:30–12:30, asks to be consulted about new
 * patients and is away from 30 November to 4 December; Mme Bernard takes no new patient.
 */
const tempDir = useTempDirs();
let store: LocalStore;
let replica: Replica;
let practiceId: string;
let martin: { id: string; motifId: string };
let firstVisit: string;
let bernard: { id: string; motifId: string };
let known: string;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  replica = createReplica(store, { userId: () => null, clock: manualClock(NOW.getTime()) });
  practiceId = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  martin = insertPractitioner(store, practiceId, "Martin", {
    acceptsNewPatients: "demander_au_medecin",
    workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:30", end: "12:30" })),
    absences: [{ from: "2026-11-30T00:00:00+01:00", to: "2026-12-05T00:00:00+01:00", reason: "formation", label: "Formation continue (DPC)" }],
  });
  firstVisit = insertMotif(store, practiceId, martin.id, { label: "Première consultation", durationMinutes: 30, allowedForNewPatients: true });
  bernard = insertPractitioner(store, practiceId, "Bernard", { title: "Mme", firstName: "Sophie", acceptsNewPatients: "non", workingHours: [{ weekday: 2, start: "09:00", end: "17:00" }] });
  known = insertPatient(store, practiceId, { birthName: "Connue", firstName: "Léa" });
  insertAppointment(store, practiceId, martin, known, new Date("2026-11-02T09:00:00+01:00"), "booked");
  store.sqlite.prepare("UPDATE appointment SET status = 'fulfilled'").run();
  return () => store.close();
});

const book = (practitionerId: string, appointmentTypeId: string, patientId: string, startAt: string, minutes = 20, more: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  practitionerId,
  appointmentTypeId,
  patientId,
  startAt: new Date(startAt).toISOString(),
  endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(),
  ...more,
});

function createNewcomer(): string {
  const id = randomUUID();
  replica.mutate("patient.create", { id, practiceId, birthName: "Nouvelle", usedName: null, firstName: "Inès", birthDate: null, phones: [], email: null, notes: null });
  return id;
}

const requestArgs = (patientId: string, practitionerId: string, appointmentTypeId: string) => ({
  id: randomUUID(),
  practiceId,
  practitionerId,
  patientId,
  callId: null,
  callerName: "NOUVELLE Inès",
  callbackNumber: null,
  category: "accord_nouveau_patient",
  urgency: "normale",
  text: "Nouveau patient : votre accord ?",
  request: { appointmentTypeId, startAt: null, endAt: null },
});

/** The secretary asks the doctor's agreement, as the booking dialog does: a message of its own kind. */
function askAgreement(patientId: string, practitionerId: string, appointmentTypeId: string): string {
  const args = requestArgs(patientId, practitionerId, appointmentTypeId);
  replica.mutate("message.create", args);
  return args.id;
}

function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe("booking rules on the workstation", () => {
  it("refuse outside hours, during an absence and too late, queuing nothing", () => {
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-11-24T14:00:00+01:00")))).toEqual({
      code: "outside_hours",
      message: "Hors des horaires du Dr Claire Martin : le mardi 24/11/2026, 08:30–12:30.",
    });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-12-01T09:00:00+01:00")))).toEqual({
      code: "practitioner_absent",
      message: "Absence du Dr Claire Martin (Formation continue (DPC)) du 30/11/2026 au 04/12/2026 : aucun rendez-vous possible.",
    });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-11-23T09:30:00+01:00")))?.code).toBe("motif_not_allowed");
    expect(replica.pendingCount()).toBe(0);
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-11-24T09:00:00+01:00")))).toBeNull();
    expect(replica.pendingCount()).toBe(1);
  });

  it("hold new patients, created offline a moment ago, to the practitioner's policy and the motif", () => {
    const newcomer = createNewcomer();
    const renewal = insertMotif(store, practiceId, martin.id, { label: "Renouvellement d'ordonnance", durationMinutes: 15 });
    const agreed = askAgreement(newcomer, martin.id, firstVisit);
    replica.mutate("message.answer", { id: agreed, agreed: true, note: "Oui" });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, renewal, newcomer, "2026-11-24T09:00:00+01:00", 15, { agreementId: agreed })))).toEqual({
      code: "motif_not_allowed",
      message: "Le motif « Renouvellement d'ordonnance » n'est pas ouvert aux nouveaux patients.",
    });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, "2026-11-24T09:00:00+01:00", 30)))?.code).toBe("new_patients_closed");
    expect(refusal(() => replica.mutate("appointment.book", book(bernard.id, bernard.motifId, newcomer, "2026-11-24T09:00:00+01:00", 20, { agreementId: agreed })))).toEqual({
      code: "new_patients_closed",
      message: "Mme Sophie Bernard n'accepte pas de nouveaux patients.",
    });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, "2026-11-24T09:00:00+01:00", 30, { agreementId: agreed })))).toBeNull();
    // Booked once, she is no longer new to Dr Martin.
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, renewal, newcomer, "2026-11-26T09:00:00+01:00", 15)))).toBeNull();
    expect(replica.pendingCount()).toBe(5);
  });

  it("open a practitioner who asks first to the patient they agreed to, and to no one else, a bare « accord » counting for nothing", () => {
    const newcomer = createNewcomer();
    const other = createNewcomer();
    const slot = "2026-11-24T09:00:00+01:00";
    // A booking from before the agreement was tied to an answer: its checkbox is not a citation.
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, slot, 30, { doctorAgreed: true })))?.message).toBe(
      "Dr Claire Martin ne prend de nouveau patient qu'avec son accord : demandez-le (« Demander l'accord du médecin »), le rendez-vous se prend dès sa réponse.",
    );
    const request = askAgreement(newcomer, martin.id, firstVisit);
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, slot, 30, { agreementId: request })))?.message).toBe(
      "Dr Claire Martin n'a pas encore répondu à la demande d'accord pour ce patient.",
    );
    replica.mutate("message.answer", { id: request, agreed: false, note: "Patientèle complète" });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, slot, 30, { agreementId: request })))?.message).toBe(
      "Dr Claire Martin a refusé de recevoir ce patient.",
    );
    // The doctor changes their mind: the answer is recorded again.
    replica.mutate("message.answer", { id: request, agreed: true, note: null });
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, other, slot, 30, { agreementId: request })))?.message).toBe(
      "L'accord cité ne concerne pas ce patient chez Dr Claire Martin : demandez le sien.",
    );
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, firstVisit, newcomer, slot, 30, { agreementId: request })))).toBeNull();
    const answer = store.sqlite.prepare("SELECT answer FROM message WHERE id = ?").pluck().get(request) as string;
    expect(JSON.parse(answer)).toEqual({ agreed: true, note: null, answeredAt: NOW.toISOString(), answeredBy: null });
  });

  it("refuse an answer recorded on a message that asked nothing, and a request without its patient", () => {
    const message = randomUUID();
    replica.mutate("message.create", { id: message, practiceId, practitionerId: martin.id, patientId: null, callId: null, callerName: "M. Dupont", callbackNumber: null, category: "rappel", urgency: "normale", text: "Rappeler" });
    const before = replica.pendingCount();
    expect(refusal(() => replica.mutate("message.answer", { id: message, agreed: true, note: null }))).toEqual({
      code: "invalid",
      message: "Ce message ne demande pas l'accord du médecin : aucune réponse à y noter.",
    });
    expect(refusal(() => replica.mutate("message.answer", { id: randomUUID(), agreed: true, note: null }))?.code).toBe("not_found");
    expect(refusal(() => replica.mutate("message.create", { ...requestArgs(known, martin.id, firstVisit), patientId: null }))?.code).toBe("invalid");
    expect(replica.pendingCount()).toBe(before);
  });

  it("refuse a motif of another practitioner, and a slot the replica knows is taken", () => {
    expect(refusal(() => replica.mutate("appointment.book", book(bernard.id, martin.motifId, known, "2026-11-24T09:00:00+01:00")))?.code).toBe("not_found");
    replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-11-24T09:00:00+01:00"));
    expect(refusal(() => replica.mutate("appointment.book", book(martin.id, martin.motifId, known, "2026-11-24T09:10:00+01:00")))).toEqual({
      code: "slot_taken",
      message: "Ce créneau est déjà pris.",
    });
  });

  it("hold moves to the same rules, on the target practitioner's hours", () => {
    const booking = book(martin.id, martin.motifId, known, "2026-11-24T09:00:00+01:00");
    replica.mutate("appointment.book", booking);
    const move = (startAt: string, practitionerId?: string) =>
      refusal(() =>
        replica.mutate("appointment.move", {
          id: booking.id,
          startAt: new Date(startAt).toISOString(),
          endAt: new Date(Date.parse(startAt) + 20 * 60_000).toISOString(),
          ...(practitionerId ? { practitionerId } : {}),
        }),
      );
    expect(move("2026-11-24T13:00:00+01:00")?.code).toBe("outside_hours");
    expect(move("2026-12-02T09:00:00+01:00")?.code).toBe("practitioner_absent");
    expect(move("2026-11-25T09:00:00+01:00", bernard.id)?.code).toBe("outside_hours");
    expect(move("2026-11-24T10:00:00+01:00")).toBeNull();
    expect(store.sqlite.prepare("SELECT start_at FROM appointment WHERE id = ?").pluck().get(booking.id)).toBe(Date.parse("2026-11-24T10:00:00+01:00"));
  });
});

describe("what happened to an appointment", () => {
  it("is refused here before it has begun, nothing queued; recorded once it has", () => {
    const tomorrow = insertAppointment(store, practiceId, martin, known, new Date("2026-11-24T09:00:00+01:00"));
    const thisMorning = insertAppointment(store, practiceId, martin, known, new Date("2026-11-23T09:00:00+01:00"));

    expect(refusal(() => replica.mutate("appointment.setStatus", { id: tomorrow, status: "noshow_unexcused" }))).toEqual({
      code: "invalid",
      message: "Ce rendez-vous n'a pas encore commencé : il ne peut pas être marqué honoré ou manqué.",
    });
    expect(replica.pendingCount()).toBe(0);
    expect(refusal(() => replica.mutate("appointment.setStatus", { id: thisMorning, status: "fulfilled" }))).toBeNull();
    expect(replica.pendingCount()).toBe(1);
  });
});
