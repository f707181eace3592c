import { randomUUID } from "node:crypto";
import type { LocalStore } from "../../db/local/openLocalStore";
import { createPatientSearchIndexer } from "../../db/local/patientSearchIndex";
import { appointments, appointmentTypes, dialledNumbers, directives, patients, practices, practitioners } from "../../db/local/schema";

/**
 * A small, hand-made practice for core tests: every value a test asserts on is visible here,
 * independent of the demo seed.
 */
export const NOW = new Date("2026-11-23T09:00:00Z");

export function insertPractice(store: LocalStore, name: string, number: string) {
  const id = randomUUID();
  store.db
    .insert(practices)
    .values({
      id,
      name,
      kind: "cabinet",
      address: { street: "12 rue des Tilleuls", postalCode: "91160", city: "Longjumeau" },
      greetings: { default: `${name}, bonjour, que puis-je pour vous ?` },
      coverageSchedule: [{ weekday: 1, start: "08:00", end: "19:00", mode: "debordement" }],
      accessNotes: "Interphone 12, 2e étage",
      referrals: [{ name: "Dr Paul Roux", specialty: "Médecine générale", phone: "+33160000000" }],
    })
    .run();
  store.db.insert(dialledNumbers).values({ id: randomUUID(), practiceId: id, e164: number }).run();
  return id;
}

export function insertPractitioner(store: LocalStore, practiceId: string, lastName: string, overrides: Partial<typeof practitioners.$inferInsert> = {}) {
  const id = randomUUID();
  store.db
    .insert(practitioners)
    .values({
      id,
      practiceId,
      title: "Dr",
      firstName: "Claire",
      lastName,
      specialty: "Médecine générale",
      acceptsNewPatients: "oui",
      workingHours: [{ weekday: 1, start: "08:30", end: "12:30" }],
      exceptionalOpenings: [],
      absences: [],
      color: "#2a6f97",
      ...overrides,
    })
    .run();
  const motifId = randomUUID();
  store.db
    .insert(appointmentTypes)
    .values({
      id: motifId,
      practiceId,
      practitionerId: id,
      label: "Consultation",
      durationMinutes: 20,
      color: "#4c956c",
      allowedForNewPatients: true,
      restrictions: {},
    })
    .run();
  return { id, motifId };
}

/** Another motif of a practitioner (the fixture's own "Consultation" ranks first). */
export function insertMotif(store: LocalStore, practiceId: string, practitionerId: string, values: Partial<typeof appointmentTypes.$inferInsert> & { label: string; durationMinutes: number }) {
  const id = randomUUID();
  store.db
    .insert(appointmentTypes)
    .values({ id, practiceId, practitionerId, color: "#4c956c", allowedForNewPatients: false, restrictions: {}, sortOrder: 1, ...values })
    .run();
  return id;
}

export interface PatientInput {
  birthName: string;
  usedName?: string;
  firstName: string;
  birthDate?: string;
  phones?: string[];
}

export function insertPatient(store: LocalStore, practiceId: string, input: PatientInput) {
  const id = randomUUID();
  const row = {
    id,
    practiceId,
    birthName: input.birthName,
    usedName: input.usedName ?? null,
    firstName: input.firstName,
    birthDate: input.birthDate ?? null,
    phones: input.phones ?? [],
    createdAt: NOW,
    updatedAt: NOW,
  };
  const indexer = createPatientSearchIndexer(store.sqlite);
  store.sqlite.transaction(() => {
    store.db.insert(patients).values(row).run();
    indexer.index(id, null, row);
  })();
  return id;
}

export function insertDirective(
  store: LocalStore,
  practiceId: string,
  values: { title: string; category: "urgence" | "general" | "nouveaux_patients"; priority?: number; validFrom?: Date; validTo?: Date },
) {
  store.db
    .insert(directives)
    .values({ id: randomUUID(), practiceId, text: `${values.title} : texte`, flags: {}, ...values })
    .run();
}

export function insertAppointment(
  store: LocalStore,
  practiceId: string,
  practitioner: { id: string; motifId: string },
  patientId: string,
  startAt: Date,
  status: "booked" | "cancelled" = "booked",
  minutes = 20,
) {
  const id = randomUUID();
  store.db
    .insert(appointments)
    .values({
      id,
      practiceId,
      practitionerId: practitioner.id,
      patientId,
      appointmentTypeId: practitioner.motifId,
      startAt,
      endAt: new Date(startAt.getTime() + minutes * 60_000),
      status,
      channel: "telephone",
      createdAt: NOW,
    })
    .run();
  return id;
}
