import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { appointments, appointmentTypes, patients, practices, practitioners } from "../../db/central/schema";
import { loginResponse, pushResponse, type MutationResult } from "../../shared/api/wire";
import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";
import { insertUser, useTestApps, type TestApp } from "./appOnFreshDatabase";

/**
 * The booking rules at push, on a real PostgreSQL: the pushes below are what a client that skipped
 * its own checks (an old version, a bug, a forged request) would send. Each rule refuses with its
 * code and its French message, writes nothing, and the valid bookings around them go through.
 * The server judges with its own clock, so the agenda is placed from next week on.
 */
const testApp = useTestApps();

/** Monday of the week after next, in Paris; `at(2, "09:00")` is that week's Wednesday at 09:00. */
const inAWeek = Temporal.Now.zonedDateTimeISO(PARIS_TIME_ZONE).toPlainDate().add({ days: 8 });
const monday = inAWeek.add({ days: (8 - inAWeek.dayOfWeek) % 7 });
const at = (days: number, time: string) =>
  monday.add({ days }).toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(PARIS_TIME_ZONE).toInstant().toString();
const date = (days: number) => monday.add({ days }).toString();
const french = (days: number) => monday.add({ days }).toLocaleString("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric" });

const ids = {
  practice: randomUUID(),
  martin: randomUUID(),
  bernard: randomUUID(),
  consultation: randomUUID(),
  firstVisit: randomUUID(),
  homeVisit: randomUUID(),
  farAhead: randomUUID(),
  bernardConsultation: randomUUID(),
  known: randomUUID(),
  newcomer: randomUUID(),
  onceCancelled: randomUUID(),
};

async function agency(testing: TestApp) {
  const { db } = testing;
  await db.insert(practices).values({
    id: ids.practice,
    name: "Cabinet des Tilleuls",
    kind: "cabinet",
    address: { street: "12 rue des Tilleuls", postalCode: "91160", city: "Longjumeau" },
    greetings: { default: "Cabinet des Tilleuls, bonjour." },
    coverageSchedule: [],
    referrals: [],
  });
  const weekdays = [1, 2, 3, 4, 5];
  await db.insert(practitioners).values([
    {
      id: ids.martin,
      practiceId: ids.practice,
      title: "Dr",
      firstName: "Claire",
      lastName: "Martin",
      specialty: "Médecine générale",
      acceptsNewPatients: "demander_au_medecin",
      workingHours: weekdays.flatMap((weekday) => [
        { weekday, start: "08:30", end: "12:30" },
        { weekday, start: "14:00", end: "18:00" },
      ]),
      exceptionalOpenings: [{ date: date(5), start: "09:00", end: "12:00" }],
      // The whole week after: Monday to Friday, ending the next Saturday's midnight.
      absences: [{ from: at(7, "00:00"), to: at(12, "00:00"), reason: "conges", label: "Congés" }],
      color: "#2a6f97",
    },
    {
      id: ids.bernard,
      practiceId: ids.practice,
      title: "Mme",
      firstName: "Sophie",
      lastName: "Bernard",
      specialty: "Sage-femme",
      acceptsNewPatients: "non",
      workingHours: weekdays.map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      exceptionalOpenings: [],
      absences: [],
      color: "#10b981",
    },
  ]);
  const motif = (id: string, practitionerId: string, label: string, durationMinutes: number, more: Partial<typeof appointmentTypes.$inferInsert> = {}) => ({
    id,
    practiceId: ids.practice,
    practitionerId,
    label,
    durationMinutes,
    color: "#4c956c",
    allowedForNewPatients: false,
    restrictions: {},
    ...more,
  });
  await db.insert(appointmentTypes).values([
    motif(ids.consultation, ids.martin, "Consultation", 20),
    motif(ids.firstVisit, ids.martin, "Première consultation", 30, { allowedForNewPatients: true, sortOrder: 1 }),
    motif(ids.homeVisit, ids.martin, "Visite à domicile", 45, { restrictions: { weekdays: [2, 4], from: "14:00", to: "18:00" }, sortOrder: 2 }),
    motif(ids.farAhead, ids.martin, "Bilan annuel", 60, { minNoticeMinutes: 60 * 24 * 60, sortOrder: 3 }),
    motif(ids.bernardConsultation, ids.bernard, "Consultation", 30, { allowedForNewPatients: true }),
  ]);
  const now = new Date();
  const patient = (id: string, birthName: string) => ({ id, practiceId: ids.practice, birthName, firstName: "Léa", phones: [], createdAt: now, updatedAt: now });
  await db.insert(patients).values([patient(ids.known, "Connue"), patient(ids.newcomer, "Nouvelle"), patient(ids.onceCancelled, "Annulée")]);
  const past = (patientId: string, status: "fulfilled" | "cancelled") => ({
    id: randomUUID(),
    practiceId: ids.practice,
    practitionerId: ids.martin,
    patientId,
    appointmentTypeId: ids.firstVisit,
    startAt: new Date("2025-01-13T09:00:00+01:00"),
    endAt: new Date("2025-01-13T09:30:00+01:00"),
    status,
    channel: "telephone" as const,
    createdAt: new Date("2025-01-06T09:00:00+01:00"),
  });
  // The known patient has seen Dr Martin; the other one only cancelled: still new.
  await db.insert(appointments).values([past(ids.known, "fulfilled"), past(ids.onceCancelled, "cancelled")]);
}

async function signedIn() {
  const testing = await testApp();
  await agency(testing);
  await insertUser(testing, "camille", "mot de passe solide", [ids.practice]);
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" },
  });
  const headers = { authorization: `Bearer ${loginResponse.parse(response.json()).token}` };
  const clientId = randomUUID();
  let seq = 0;
  return {
    ...testing,
    /** Pushes mutations in order as one client, the way a workstation's outbox does. */
    async push(mutations: Array<{ name: string; args: Record<string, unknown> }>): Promise<MutationResult[]> {
      const response = await testing.app.inject({
        method: "POST",
        url: "/api/v1/sync/push",
        headers,
        payload: { clientId, mutations: mutations.map((mutation) => ({ seq: ++seq, id: randomUUID(), ...mutation })) },
      });
      expect(response.statusCode).toBe(200);
      return pushResponse.parse(response.json()).results;
    },
  };
}

const book = (practitionerId: string, appointmentTypeId: string, patientId: string, startAt: string, minutes: number, more: Record<string, unknown> = {}) => ({
  name: "appointment.book",
  args: { id: randomUUID(), practitionerId, appointmentTypeId, patientId, startAt, endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(), ...more },
});
const outcome = (result: MutationResult) => (result.error ? { code: result.error.code, message: result.error.message } : result.status);

async function bookedCount(testing: TestApp): Promise<number> {
  const { rows } = await testing.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM appointment WHERE status = 'booked'`);
  return Number(rows[0]!.n);
}

describe("booking rules at push", () => {
  it("refuse outside working hours, over the lunch break and on a day off, but open exceptional openings", async () => {
    const testing = await signedIn();
    const results = await testing.push([
      book(ids.martin, ids.consultation, ids.known, at(0, "08:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(0, "12:20"), 20),
      book(ids.martin, ids.consultation, ids.known, at(6, "10:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(5, "09:00"), 20),
      book(ids.martin, ids.consultation, ids.known, at(0, "08:30"), 20),
    ]);
    expect(results.map(outcome)).toEqual([
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le lundi ${french(0)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le lundi ${french(0)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "outside_hours", message: `Dr Claire Martin ne consulte pas le dimanche ${french(6)}.` },
      "applied",
      "applied",
    ]);
    expect(await bookedCount(testing)).toBe(2);
  });

  it("refuse during an absence", async () => {
    const testing = await signedIn();
    const [absent] = await testing.push([book(ids.martin, ids.consultation, ids.known, at(9, "10:00"), 20)]);
    expect(outcome(absent!)).toEqual({
      code: "practitioner_absent",
      message: `Absence du Dr Claire Martin (Congés) du ${french(7)} au ${french(11)} : aucun rendez-vous possible.`,
    });
    expect(await bookedCount(testing)).toBe(0);
  });

  it("hold each motif to its days, its hours, its notice and its openness to new patients", async () => {
    const testing = await signedIn();
    const results = await testing.push([
      book(ids.martin, ids.homeVisit, ids.known, at(2, "15:00"), 45),
      book(ids.martin, ids.homeVisit, ids.known, at(1, "10:00"), 45),
      book(ids.martin, ids.farAhead, ids.known, at(1, "10:00"), 60),
      book(ids.martin, ids.consultation, ids.newcomer, at(1, "11:00"), 20, { doctorAgreed: true }),
      book(ids.martin, ids.consultation, ids.known, at(-28, "10:00"), 20),
      book(ids.martin, ids.homeVisit, ids.known, at(1, "15:00"), 45),
    ]);
    expect(results.slice(0, 5).map(outcome)).toEqual([
      { code: "motif_not_allowed", message: "Le motif « Visite à domicile » n'est proposé que le mardi et le jeudi." },
      { code: "motif_not_allowed", message: "Le motif « Visite à domicile » n'est proposé qu'entre 14:00 et 18:00." },
      { code: "motif_not_allowed", message: expect.stringMatching(/^Le motif « Bilan annuel » demande un délai de prévenance de 60 jours : pas avant le /) },
      { code: "motif_not_allowed", message: "Le motif « Consultation » n'est pas ouvert aux nouveaux patients." },
      { code: "motif_not_allowed", message: "Ce créneau est déjà passé." },
    ]);
    expect(outcome(results[5]!)).toBe("applied");
    expect(await bookedCount(testing)).toBe(1);
  });

  it("follow each practitioner's policy for new patients, the doctor's agreement opening 'ask the doctor' only", async () => {
    const testing = await signedIn();
    const results = await testing.push([
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "09:00"), 30),
      book(ids.martin, ids.firstVisit, ids.onceCancelled, at(1, "09:30"), 30),
      book(ids.bernard, ids.bernardConsultation, ids.newcomer, at(1, "09:00"), 30, { doctorAgreed: true }),
      book(ids.martin, ids.firstVisit, ids.newcomer, at(1, "10:00"), 30, { doctorAgreed: true }),
      // Now that the newcomer has an appointment with Dr Martin, she is no longer new to her.
      book(ids.martin, ids.consultation, ids.newcomer, at(3, "10:00"), 20),
    ]);
    const askFirst = "Dr Claire Martin ne prend de nouveau patient qu'avec son accord : demandez-le, puis indiquez qu'il a accepté.";
    expect(results.map(outcome)).toEqual([
      { code: "new_patients_closed", message: askFirst },
      { code: "new_patients_closed", message: askFirst },
      { code: "new_patients_closed", message: "Mme Sophie Bernard n'accepte pas de nouveaux patients." },
      "applied",
      "applied",
    ]);
  });

  it("leave double booking to PostgreSQL, and hold moves to the same rules", async () => {
    const testing = await signedIn();
    const first = book(ids.martin, ids.consultation, ids.known, at(1, "09:00"), 20);
    const move = (startAt: string, minutes = 20, practitionerId?: string) => ({
      name: "appointment.move",
      args: { id: first.args.id, startAt, endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(), ...(practitionerId ? { practitionerId } : {}) },
    });
    const results = await testing.push([
      first,
      book(ids.martin, ids.consultation, ids.known, at(1, "09:10"), 20),
      move(at(1, "13:00")),
      move(at(8, "09:00")),
      move(at(4, "10:00")),
    ]);
    expect(results.map(outcome)).toEqual([
      "applied",
      { code: "slot_taken", message: "Ce créneau vient d'être pris sur un autre poste." },
      { code: "outside_hours", message: `Hors des horaires du Dr Claire Martin : le mardi ${french(1)}, 08:30–12:30 et 14:00–18:00.` },
      { code: "practitioner_absent", message: `Absence du Dr Claire Martin (Congés) du ${french(7)} au ${french(11)} : aucun rendez-vous possible.` },
      "applied",
    ]);
    const { rows } = await testing.db.execute<{ start_at: string }>(sql`SELECT start_at FROM appointment WHERE id = ${first.args.id}`);
    expect(Date.parse(rows[0]!.start_at)).toBe(Date.parse(at(4, "10:00")));
  });
});
