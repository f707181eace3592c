import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { messages as messageTable } from "../../db/local/schema";
import { openLocalStore, type LocalStore } from "../../db/local/openLocalStore";
import { agreementFor, messagesByPractice } from "../../electron/core/queries/messages";
import { fixedKeyProvider } from "../../electron/core/store/keyProvider";
import { createWorkstation, STORE_FILE } from "../../electron/core/workstation";
import { createReplica, type Replica } from "../../electron/core/sync/replica";
import { messageView } from "../../shared/api/views";
import type { MutationInput } from "../../shared/sync/mutations";
import { insertAppointment, insertPatient, insertPractice, insertPractitioner } from "../support/fixtures";
import { useTempDirs } from "../support/tempDir";
import { manualClock } from "../support/manualClock";
import { dateOf } from "../../shared/time/clock";

const tempDir = useTempDirs();
let store: LocalStore;
let replica: Replica;
let tilleuls: string;
let parc: string;
let practitionerId: string;
let patientId: string;
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  store = openLocalStore({ path: join(tempDir(), "telesec.db"), key: randomBytes(32) });
  clock = manualClock(Date.parse("2026-11-23T09:00:00Z"));
  replica = createReplica(store, { userId: () => null, clock });
  tilleuls = insertPractice(store, "Cabinet des Tilleuls", "+33123456789");
  parc = insertPractice(store, "Cabinet du Parc", "+33123456700");
  practitionerId = insertPractitioner(store, tilleuls, "Martin").id;
  patientId = insertPatient(store, tilleuls, { birthName: "Dupont", firstName: "Hélène", phones: ["+33612345678"] });
  return () => store.close();
});

function takeMessage(practiceId: string, text: string, at: string, extra: Partial<MutationInput<"message.create">> = {}): string {
  clock.advance(Date.parse(at) - clock.now());
  const id = randomUUID();
  replica.mutate("message.create", {
    id,
    practiceId,
    practitionerId: null,
    patientId: null,
    callId: null,
    callerName: "Hélène Dupont",
    callbackNumber: "+33612345678",
    category: "rappel",
    urgency: "normale",
    text,
    ...extra,
  });
  return id;
}

describe("messages of a practice", () => {
  it("lists the practice's messages newest first, with everything the list shows, and nothing of another practice", () => {
    const callId = randomUUID();
    takeMessage(tilleuls, "Rappeler pour les résultats", "2026-11-23T08:00:00Z");
    const latest = takeMessage(tilleuls, "Renouvellement d'ordonnance", "2026-11-23T10:30:00Z", {
      practitionerId,
      patientId,
      callId,
      category: "ordonnance",
      urgency: "urgente",
    });
    takeMessage(parc, "Message du Parc", "2026-11-23T11:00:00Z");

    const listed = messagesByPractice(store, tilleuls, 50);

    expect(listed.map((message) => message.text)).toEqual(["Renouvellement d'ordonnance", "Rappeler pour les résultats"]);
    expect(listed[0]).toEqual({
      id: latest,
      practiceId: tilleuls,
      practitionerId,
      patientId,
      callId,
      callerName: "Hélène Dupont",
      callbackNumber: "+33612345678",
      category: "ordonnance",
      urgency: "urgente",
      text: "Renouvellement d'ordonnance",
      status: "nouveau",
      createdAt: "2026-11-23T10:30:00.000Z",
      // Taken here and not yet sent: its card says so.
      pending: true,
      // A message of its own kind asks for the doctor's agreement; this one asks nothing.
      request: null,
      answer: null,
      reading: null,
    });
    for (const message of listed) expect(messageView.parse(message)).toEqual(message);
  });

  it("keeps to the limit and leaves deleted messages out", () => {
    const oldest = takeMessage(tilleuls, "Un", "2026-11-23T08:00:00Z");
    takeMessage(tilleuls, "Deux", "2026-11-23T08:10:00Z");
    takeMessage(tilleuls, "Trois", "2026-11-23T08:20:00Z");

    expect(messagesByPractice(store, tilleuls, 2).map((message) => message.text)).toEqual(["Trois", "Deux"]);

    store.db.update(messageTable).set({ deletedAt: dateOf(clock) }).where(eq(messageTable.id, oldest)).run();
    expect(messagesByPractice(store, tilleuls, 50).map((message) => message.text)).toEqual(["Trois", "Deux"]);
  });

  it("shows a status change at once (message.setStatus is applied locally)", () => {
    const id = takeMessage(tilleuls, "Rappeler", "2026-11-23T08:00:00Z");
    replica.mutate("message.setStatus", { id, status: "traite" });
    expect(messagesByPractice(store, tilleuls, 50)[0]?.status).toBe("traite");
  });
});

describe("messages.byPractice on the workstation", () => {
  it("answers the messages taken through mutations.apply, at once and offline", async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const seeded = openLocalStore({ path: join(dataDir, STORE_FILE), key });
    const practice = insertPractice(seeded, "Cabinet des Tilleuls", "+33123456789");
    seeded.close();
    const workstation = await createWorkstation({ dataDir, keyProvider: fixedKeyProvider(key) });

    const id = randomUUID();
    await workstation.handlers["mutations.apply"]({
      name: "message.create",
      args: {
        id,
        practiceId: practice,
        practitionerId: null,
        patientId: null,
        callId: null,
        callerName: "Marc Lefèvre",
        callbackNumber: null,
        category: "administratif",
        urgency: "normale",
        text: "Demande une attestation",
      },
    });

    const listed = await workstation.handlers["messages.byPractice"]({ practiceId: practice, limit: 10 });
    expect(listed).toEqual([expect.objectContaining({ id, callerName: "Marc Lefèvre", status: "nouveau" })]);
    expect(await workstation.handlers["messages.byPractice"]({ practiceId: randomUUID(), limit: 10 })).toEqual([]);
    workstation.close();
  });
});

describe("a patient's requests for a practitioner's agreement", () => {
  it("lists them newest first with their request and answer, for that patient and practitioner only, and says whether the patient is new", () => {
    const martin = insertPractitioner(store, tilleuls, "Martin", { acceptsNewPatients: "demander_au_medecin" });
    const other = insertPractitioner(store, tilleuls, "Bernard");
    const request = (patient: string, practitioner: string, at: string) =>
      takeMessage(tilleuls, "Nouveau patient : votre accord ?", at, {
        practitionerId: practitioner,
        patientId: patient,
        category: "accord_nouveau_patient",
        request: { appointmentTypeId: martin.motifId, startAt: null, endAt: null },
      });
    const first = request(patientId, martin.id, "2026-11-23T08:00:00Z");
    const second = request(patientId, martin.id, "2026-11-23T08:30:00Z");
    const otherPatient = insertPatient(store, tilleuls, { birthName: "Durand", firstName: "Léa" });
    request(otherPatient, martin.id, "2026-11-23T08:40:00Z");
    takeMessage(tilleuls, "Rappeler", "2026-11-23T08:45:00Z", { practitionerId: martin.id, patientId });
    replica.mutate("message.answer", { id: first, agreed: false, note: "Non" });

    const found = agreementFor(store, patientId, martin.id);
    expect(found.newPatient).toBe(true);
    expect(found.requests.map((message) => message.id)).toEqual([second, first]);
    expect(found.requests[1]).toMatchObject({
      request: { appointmentTypeId: martin.motifId, startAt: null, endAt: null },
      answer: { agreed: false, note: "Non", answeredAt: "2026-11-23T08:45:00.000Z", answeredBy: null },
      pending: true,
    });
    for (const view of found.requests) expect(messageView.parse(view)).toEqual(view);
    expect(agreementFor(store, patientId, other.id).requests).toEqual([]);

    // Once she has an appointment with Dr Martin that stands, she is no longer new to her; a cancelled one does not count.
    insertAppointment(store, tilleuls, martin, patientId, new Date("2026-11-30T09:00:00+01:00"), "cancelled");
    expect(agreementFor(store, patientId, martin.id).newPatient).toBe(true);
    insertAppointment(store, tilleuls, martin, patientId, new Date("2026-12-01T09:00:00+01:00"));
    expect(agreementFor(store, patientId, martin.id).newPatient).toBe(false);
  });
});

