import { randomUUID } from "node:crypto";
import { Temporal } from "temporal-polyfill";
import { expect } from "vitest";
import { appointments, appointmentTypes, patients, practices, practitioners } from "../../db/central/schema";
import { loginResponse, pullResponse, pushResponse, type Change, type MutationResult } from "../../shared/api/wire";
import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";
import { insertUser, type TestApp } from "./appOnFreshDatabase";
import { NOW } from "../support/fixtures";

/**
 * A small practice for the tests of booking at push (rules, waitlist offers): Dr Martin (new patients
 * on the doctor's word, a lunch break, a week of leave), Mme Bernard (no new patients), their motifs,
 * three patients. The server judges with its clock (started at the tests' NOW), and the agenda is placed from the week after.
 */
/** Monday of the week after next, in Paris; `at(2, "09:00")` is that week's Wednesday at 09:00. */
export const inAWeek = Temporal.Instant.fromEpochMilliseconds(NOW.getTime()).toZonedDateTimeISO(PARIS_TIME_ZONE).toPlainDate().add({ days: 8 });
export const monday = inAWeek.add({ days: (8 - inAWeek.dayOfWeek) % 7 });
export const at = (days: number, time: string) =>
  monday.add({ days }).toPlainDateTime(Temporal.PlainTime.from(time)).toZonedDateTime(PARIS_TIME_ZONE).toInstant().toString();
const date = (days: number) => monday.add({ days }).toString();
export const french = (days: number) => monday.add({ days }).toLocaleString("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric" });

export const ids = {
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

export async function agency(testing: TestApp) {
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
  const now = NOW;
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

export async function signedIn(testApp: () => Promise<TestApp>) {
  const testing = await testApp();
  await agency(testing);
  await insertUser(testing, "camille", "mot de passe solide", [ids.practice]);
  const response = await testing.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { login: "camille", password: "mot de passe solide", deviceName: "Poste 1" },
  });
  const login = loginResponse.parse(response.json());
  const headers = { authorization: `Bearer ${login.token}` };
  const clientId = randomUUID();
  let seq = 0;
  return {
    ...testing,
    user: login.user,
    deviceId: login.deviceId,
    headers,
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
    /** Every change a workstation of this user would pull from scratch, page after page. */
    async pullAll(): Promise<Change[]> {
      const changes: Change[] = [];
      let cursor: string | undefined;
      for (;;) {
        const query = new URLSearchParams(cursor ? { cursor } : {});
        const response = await testing.app.inject({ method: "GET", url: `/api/v1/sync/pull?${query}`, headers });
        expect(response.statusCode).toBe(200);
        const page = pullResponse.parse(response.json());
        changes.push(...page.changes);
        if (!page.hasMore) return changes;
        cursor = page.cursor;
      }
    },
  };
}

export const book = (practitionerId: string, appointmentTypeId: string, patientId: string, startAt: string, minutes: number, more: Record<string, unknown> = {}) => ({
  name: "appointment.book",
  args: { id: randomUUID(), practitionerId, appointmentTypeId, patientId, startAt, endAt: new Date(Date.parse(startAt) + minutes * 60_000).toISOString(), ...more },
});
export const outcome = (result: MutationResult) => (result.error ? { code: result.error.code, message: result.error.message } : result.status);

/** A request for a practitioner's agreement to see a new patient, as the booking dialog sends it. */
export const askAgreement = (practitionerId: string, appointmentTypeId: string, patientId: string) => ({
  name: "message.create",
  args: {
    id: randomUUID(),
    practiceId: ids.practice,
    practitionerId,
    patientId,
    callId: null,
    callerName: "NOUVELLE Léa",
    callbackNumber: null,
    category: "accord_nouveau_patient",
    urgency: "normale",
    text: "Nouveau patient : votre accord ?",
    request: { appointmentTypeId, startAt: null, endAt: null },
  },
});
export const answerAgreement = (id: string, agreed: boolean, note: string | null = null) => ({ name: "message.answer", args: { id, agreed, note } });

