import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { appointments, callbacks, messages, patients, practices, smsMessages, users, waitlistEntries } from "../../db/central/schema";
import { callbacksForFailedReminders } from "../../server/callbacks/failedReminders";
import { applySmsEvent } from "../../server/sms/smsEvents";
import { pullResponse, pushResponse, type MutationResult } from "../../shared/api/wire";
import type { MutationEnvelope } from "../../shared/sync/mutations";
import { smsRow, tilleulsAppointment } from "../support/centralRows";
import { eventually } from "../support/eventually";
import { futureSlot } from "../support/futureSlot";
import { manualClock } from "../support/manualClock";
import { PASSWORD, seedSyncFixture, type SyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps, type TestApp } from "./appOnFreshDatabase";
import { insertDoctor, signInDoctor } from "./portalDoctor";

/**
 * Issue 18, the « À rappeler » queue on a real PostgreSQL through the server's app: every callback the
 * product owes is written where it learns it is owed (a message « rappel demandé », an absence over
 * booked appointments, a waitlist offer, a booking the server refuses, a doctor's answer, a failed reminder),
 * due by its kind's rule in the practice's hours; one secretary at a time holds one, and the server says
 * who to the others.
 *
 * The agency is the sync tests' (tests/support/syncWorld.ts): the Tilleuls and the Gare, each with one
 * practitioner working Monday to Friday 08:00–19:00; Camille Laurent (`secretaire`) serves both, Inès
 * Moreau (`secretaire2`) the Tilleuls only. The server's clock stands still on Monday 23 November 2026 at
 * 17:30 in Paris, an hour and a half before closing, so each default rule gives a time of its own:
 * « message » (120 min) Tuesday 08:30, « liste d'attente » (30 min) 18:00, « conflit » (60 min) 18:30,
 * « réponse du médecin » and « SMS non remis » (same day) 19:00, « manuel » (60 min) 18:30.
 */
const clock = manualClock(Date.parse("2026-11-23T17:30:00+01:00"));
const testApp = useTestApps(clock);
const NOW = new Date(clock.now());
const paris = (iso: string) => new Date(iso);
const DUE = {
  message: paris("2026-11-24T08:30:00+01:00"),
  liste_attente: paris("2026-11-23T18:00:00+01:00"),
  conflit: paris("2026-11-23T18:30:00+01:00"),
  sameDay: paris("2026-11-23T19:00:00+01:00"),
  manuel: paris("2026-11-23T18:30:00+01:00"),
};
/** A Wednesday at 11:00 in Paris, a week and more ahead (2 December 2026): inside the hours, never in the past. */
const WEDNESDAY = futureSlot(3, "11:00");
const WEDNESDAY_WORDS = "mercredi 2 décembre à 11:00";

/** One workstation of a secretary: her own session and client, pushing in order as an outbox does. */
interface Station {
  userId: string;
  token: string;
  push(mutations: Array<{ name: string; args: Record<string, unknown> }>): Promise<MutationResult[]>;
  /** Pushes these envelopes as they are (a retry sends the same ones again). */
  pushEnvelopes(envelopes: MutationEnvelope[]): Promise<MutationResult[]>;
  envelopes(mutations: Array<{ name: string; args: Record<string, unknown> }>): MutationEnvelope[];
  pullCallbacks(): Promise<Array<Record<string, unknown>>>;
}

async function station(app: FastifyInstance, login: string): Promise<Station> {
  const { token, userId } = await signInOnApp(app, login, PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const clientId = randomUUID();
  let seq = 0;
  const pushEnvelopes = async (envelopes: MutationEnvelope[]) => {
    const response = await app.inject({ method: "POST", url: "/api/v1/sync/push", headers, payload: { clientId, mutations: envelopes } });
    expect(response.statusCode, response.body).toBe(200);
    return pushResponse.parse(response.json()).results;
  };
  const envelopes = (mutations: Array<{ name: string; args: Record<string, unknown> }>) =>
    mutations.map((mutation) => ({ seq: ++seq, id: randomUUID(), ...mutation }) as MutationEnvelope);
  return {
    userId,
    token,
    pushEnvelopes,
    envelopes,
    push: (mutations) => pushEnvelopes(envelopes(mutations)),
    async pullCallbacks() {
      const rows: Array<Record<string, unknown>> = [];
      let cursor = "";
      for (;;) {
        const response = await app.inject({ method: "GET", url: `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}`, headers });
        expect(response.statusCode).toBe(200);
        const page = pullResponse.parse(response.json());
        rows.push(...page.changes.filter((change) => change.table === "callback").map((change) => change.row));
        if (!page.hasMore) return rows;
        cursor = page.cursor;
      }
    },
  };
}

interface Agency {
  testing: TestApp;
  fixture: SyncFixture;
  camille: Station;
  ines: Station;
}

async function agency(): Promise<Agency> {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  return { testing, fixture, camille: await station(testing.app, "secretaire"), ines: await station(testing.app, "secretaire2") };
}

const callbackRow = async (testing: TestApp, id: string) => (await testing.db.select().from(callbacks).where(eq(callbacks.id, id)))[0];
const callbacksOfKind = (testing: TestApp, kind: (typeof callbacks.$inferSelect)["kind"]) =>
  testing.db.select().from(callbacks).where(eq(callbacks.kind, kind)).orderBy(asc(callbacks.createdAt), asc(callbacks.reason));
const applied = expect.objectContaining({ status: "applied" });
const outcome = (result: MutationResult | undefined) => (result?.error ? { code: result.error.code, message: result.error.message } : result?.status);

function rappel(practiceId: string, patientId: string | null, extra: Record<string, unknown> = {}) {
  return {
    name: "message.create",
    args: {
      id: randomUUID(),
      practiceId,
      practitionerId: null,
      patientId,
      callId: null,
      callerName: "MARTIN-PATIENT0 Hélène",
      callbackNumber: "+33698765432",
      category: "rappel",
      urgency: "normale",
      text: "Rappeler pour ses résultats d'analyse.",
      ...extra,
    },
  };
}

const book = (fixture: SyncFixture["tilleuls"], patientId: string, startAt: string, endAt: string) => ({
  name: "appointment.book",
  args: { id: randomUUID(), practitionerId: fixture.practitionerId, appointmentTypeId: fixture.motifId, patientId, startAt, endAt },
});

/** A callback of the Tilleuls' first patient, noted by hand: the rules tests' subject. */
async function manualCallback(agency: Agency, practice: "tilleuls" | "gare" = "tilleuls"): Promise<string> {
  const id = randomUUID();
  const { practiceId, patientIds } = agency.fixture[practice];
  const results = await agency.camille.push([
    { name: "callback.create", args: { id, practiceId, patientId: patientIds[0], callerName: "Patient", number: "+33612345670", reason: "Rappeler pour son ordonnance.", dueAt: null } },
  ]);
  expect(results).toEqual([applied]);
  return id;
}

describe("callbacks made where the product learns one is owed", () => {
  it("a message « rappel demandé » is a callback with the message's id, due by the default rule in the practice's hours, and pulled", async () => {
    const { testing, fixture, camille, ines } = await agency();
    const withPatient = rappel(fixture.tilleuls.practiceId, fixture.tilleuls.patientIds[0]!);
    // An unknown caller, and no number left: the callback keeps the name given.
    const unknown = rappel(fixture.tilleuls.practiceId, null, { callerName: "M. Inconnu", callbackNumber: null, text: "Veut parler au docteur." });
    const other = rappel(fixture.tilleuls.practiceId, null, { category: "ordonnance" });

    expect(await camille.push([withPatient, unknown, other])).toEqual([applied, applied, applied]);

    expect(await callbackRow(testing, withPatient.args.id)).toEqual({
      id: withPatient.args.id,
      version: expect.any(Number),
      deletedAt: null,
      practiceId: fixture.tilleuls.practiceId,
      patientId: fixture.tilleuls.patientIds[0],
      callerName: "MARTIN-PATIENT0 Hélène",
      number: "+33698765432",
      kind: "message",
      sourceId: withPatient.args.id,
      reason: "Rappeler pour ses résultats d'analyse.",
      // 90 minutes to 19:00 on Monday, the other 30 from Tuesday's 08:00.
      dueAt: DUE.message,
      status: "a_faire",
      ownerId: null,
      takenAt: null,
      attempts: [],
      notes: null,
      createdBy: camille.userId,
      createdAt: NOW,
      closedAt: null,
      closedBy: null,
    });
    expect(await callbackRow(testing, unknown.args.id)).toMatchObject({ patientId: null, callerName: "M. Inconnu", number: null, kind: "message", dueAt: DUE.message });
    // A message of another category owes no call.
    expect(await callbackRow(testing, other.args.id)).toBeUndefined();
    expect(await testing.db.$count(callbacks)).toBe(2);

    // Every workstation of the practice gets it by pull.
    expect((await ines.pullCallbacks()).map((row) => row.id).sort()).toEqual([withPatient.args.id, unknown.args.id].sort());
  });

  it("a known patient who left no number is called on their card's first; the message treated otherwise takes its callback away, unless someone holds it", async () => {
    const { testing, fixture, camille, ines } = await agency();
    const [patient] = await testing.db.select({ phones: patients.phones }).from(patients).where(eq(patients.id, fixture.tilleuls.patientIds[0]!));
    const noNumber = rappel(fixture.tilleuls.practiceId, fixture.tilleuls.patientIds[0]!, { callbackNumber: null });
    const held = rappel(fixture.tilleuls.practiceId, fixture.tilleuls.patientIds[0]!);
    expect(await camille.push([noNumber, held])).toEqual([applied, applied]);
    expect(await callbackRow(testing, noNumber.args.id)).toMatchObject({ number: patient!.phones[0] });
    expect(await ines.push([{ name: "callback.take", args: { id: held.args.id } }])).toEqual([applied]);

    expect(
      await camille.push([
        { name: "message.setStatus", args: { id: noNumber.args.id, status: "traite" } },
        { name: "message.setStatus", args: { id: held.args.id, status: "traite" } },
      ]),
    ).toEqual([applied, applied]);
    expect(await callbackRow(testing, noNumber.args.id)).toMatchObject({ status: "fait", closedAt: NOW, notes: "Plus à rappeler : la demande a été traitée autrement." });
    expect(await callbackRow(testing, held.args.id)).toMatchObject({ status: "en_cours", ownerId: ines.userId });
  });

  it("an absence over booked appointments makes each patient a callback, with the message's id", async () => {
    const { testing, fixture } = await agency();
    const { practiceId, practitionerId, patientIds } = fixture.tilleuls;
    await testing.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [practiceId], passwordHash: (await testing.db.select().from(users).where(eq(users.login, "secretaire")))[0]!.passwordHash });
    const admin = await signInOnApp(testing.app, "admin", PASSWORD);
    const covered = tilleulsAppointment(fixture, "2026-11-25T09:00:00+01:00", { patientId: patientIds[1]! });
    const cancelled = tilleulsAppointment(fixture, "2026-11-25T10:00:00+01:00", { status: "cancelled" });
    const after = tilleulsAppointment(fixture, "2026-11-27T09:00:00+01:00");
    await testing.db.insert(appointments).values([covered, cancelled, after]);

    const answer = await testing.app.inject({
      method: "PATCH",
      url: `/api/v1/admin/practitioners/${practitionerId}`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { absences: [{ from: "2026-11-25T00:00:00+01:00", to: "2026-11-26T00:00:00+01:00", reason: "formation" }] },
    });
    expect(answer.statusCode, answer.body).toBe(200);

    const [message] = await testing.db.select().from(messages).where(eq(messages.practiceId, practiceId));
    expect(await testing.db.select().from(callbacks)).toEqual([
      expect.objectContaining({
        id: message!.id,
        sourceId: message!.id,
        kind: "message",
        practiceId,
        patientId: patientIds[1],
        callerName: "MARTIN-PATIENT1 Loïc",
        number: "+33612345671",
        reason: "Rendez-vous du mer. 25 nov., 09:00 avec Dr Claire Martin à déplacer : formation. Rappeler le patient pour lui proposer un autre créneau.",
        dueAt: DUE.message,
        status: "a_faire",
        createdBy: admin.userId,
      }),
    ]);
  });

  it("a waitlist offer after a cancellation is a callback, closed when the patient declines; the next patient's offer is another", async () => {
    const { testing, fixture, camille, ines } = await agency();
    const { practiceId, practitionerId, motifId, patientIds } = fixture.tilleuls;
    const third = randomUUID();
    await testing.db.insert(patients).values({ id: third, practiceId, birthName: "Troisième", firstName: "Zoé", phones: ["+33612345679"], createdAt: NOW, updatedAt: NOW });
    const cancelled = book(fixture.tilleuls, patientIds[1]!, WEDNESDAY.startAt, WEDNESDAY.endAt);
    expect(await camille.push([cancelled])).toEqual([applied]);
    const wait = (patientId: string) => ({
      name: "waitlist.add",
      args: { id: randomUUID(), practiceId, patientId, appointmentTypeId: motifId, practitionerIds: [practitionerId], preferredWindows: [{ weekday: 3, start: "08:00", end: "12:00" }], notes: null },
    });
    const first = wait(patientIds[0]!);
    const second = wait(third);
    expect(await camille.push([first, second])).toEqual([applied, applied]);
    // The order of the calls decides who is offered first; the clock stands still, so it is set here.
    await testing.db.update(waitlistEntries).set({ createdAt: new Date(NOW.getTime() - 120_000) }).where(eq(waitlistEntries.id, first.args.id));
    await testing.db.update(waitlistEntries).set({ createdAt: new Date(NOW.getTime() - 60_000) }).where(eq(waitlistEntries.id, second.args.id));

    expect(await ines.push([{ name: "appointment.cancel", args: { id: cancelled.args.id, reason: "Empêchement" } }])).toEqual([applied]);

    const reason = `Créneau libéré ${WEDNESDAY_WORDS} avec Dr Claire Martin (Consultation) : le proposer au patient, en liste d'attente.`;
    const [offer] = await callbacksOfKind(testing, "liste_attente");
    expect(offer).toMatchObject({
      practiceId,
      patientId: patientIds[0],
      callerName: "MARTIN-PATIENT0 Hélène",
      number: "+33612345670",
      sourceId: first.args.id,
      reason,
      dueAt: DUE.liste_attente,
      status: "a_faire",
      createdBy: ines.userId,
    });
    expect(await testing.db.$count(callbacks)).toBe(1);

    // She does not want it: her callback is done with, and the slot's offer to the next is a callback of its own.
    expect(await camille.push([{ name: "waitlist.decline", args: { id: first.args.id } }])).toEqual([applied]);
    const after = await callbacksOfKind(testing, "liste_attente");
    expect(after).toHaveLength(2);
    expect(after.find((row) => row.id === offer!.id)).toMatchObject({ status: "fait", closedAt: NOW, ownerId: null, notes: "Plus à rappeler : la demande a été traitée autrement." });
    const next = after.find((row) => row.id !== offer!.id)!;
    expect(next).toMatchObject({ patientId: third, sourceId: second.args.id, reason, status: "a_faire", dueAt: DUE.liste_attente, createdBy: camille.userId });

    // One a secretary holds is hers to close: the entry removed meanwhile leaves it in progress.
    expect(await ines.push([{ name: "callback.take", args: { id: next.id } }])).toEqual([applied]);
    expect(await camille.push([{ name: "waitlist.remove", args: { id: second.args.id } }])).toEqual([applied]);
    expect(await callbackRow(testing, next.id)).toMatchObject({ status: "en_cours", ownerId: ines.userId, closedAt: null });
  });

  it("a waitlist offer replaced by another (its slot booked meanwhile) leaves one call to make, about the slot still free", async () => {
    const { testing, fixture, camille } = await agency();
    const { practiceId, practitionerId, motifId, patientIds } = fixture.tilleuls;
    const nine = futureSlot(3, "09:00");
    const early = book(fixture.tilleuls, patientIds[1]!, nine.startAt, nine.endAt);
    const later = book(fixture.tilleuls, patientIds[1]!, WEDNESDAY.startAt, WEDNESDAY.endAt);
    const waiting = {
      name: "waitlist.add",
      args: { id: randomUUID(), practiceId, patientId: patientIds[0], appointmentTypeId: motifId, practitionerIds: [practitionerId], preferredWindows: [{ weekday: 3, start: "08:00", end: "12:00" }], notes: null },
    };
    expect(await camille.push([early, later, waiting, { name: "appointment.cancel", args: { id: early.args.id, reason: "Empêchement" } }])).toEqual([applied, applied, applied, applied]);
    const [first] = await callbacksOfKind(testing, "liste_attente");
    expect(first).toMatchObject({ sourceId: waiting.args.id, reason: expect.stringContaining("mercredi 2 décembre à 09:00"), status: "a_faire" });

    // Another caller takes 09:00; then 11:00 is freed and offered to her instead.
    expect(await camille.push([book(fixture.tilleuls, patientIds[1]!, nine.startAt, nine.endAt), { name: "appointment.cancel", args: { id: later.args.id, reason: "Empêchement" } }])).toEqual([applied, applied]);
    const offers = await callbacksOfKind(testing, "liste_attente");
    expect(offers.filter((row) => row.status === "a_faire")).toEqual([expect.objectContaining({ sourceId: waiting.args.id, reason: expect.stringContaining(WEDNESDAY_WORDS) })]);
    expect(offers.find((row) => row.id === first!.id)).toMatchObject({ status: "fait", closedAt: NOW, notes: "Plus à rappeler : ce créneau n'est plus libre, un autre est proposé au patient." });
  });

  it("a booking the server refuses for the agenda's sake (slot taken by a race, outside the hours) is a « conflit » callback for its patient, once", async () => {
    const { testing, fixture, camille, ines } = await agency();
    const { practiceId, patientIds } = fixture.tilleuls;
    expect(await camille.push([book(fixture.tilleuls, patientIds[0]!, WEDNESDAY.startAt, WEDNESDAY.endAt)])).toEqual([applied]);

    // Inès booked the same time for the other patient (offline, say): the server refuses it.
    const lost = book(fixture.tilleuls, patientIds[1]!, WEDNESDAY.startAt, WEDNESDAY.endAt);
    const envelopes = ines.envelopes([lost]);
    const [refused] = await ines.pushEnvelopes(envelopes);
    expect(refused).toMatchObject({ status: "rejected", error: { code: "slot_taken" } });
    const [conflict] = await callbacksOfKind(testing, "conflit");
    expect(conflict).toMatchObject({
      practiceId,
      patientId: patientIds[1],
      callerName: "MARTIN-PATIENT1 Loïc",
      number: "+33612345671",
      sourceId: lost.args.id,
      reason: `Rendez-vous ${WEDNESDAY_WORDS} refusé par le serveur : ${refused!.error!.message} Proposer un autre créneau au patient.`,
      dueAt: DUE.conflit,
      status: "a_faire",
      createdBy: ines.userId,
    });
    // The workstation retries the same push (its answer was lost): a duplicate, and no second callback.
    expect(await ines.pushEnvelopes(envelopes)).toEqual([expect.objectContaining({ status: "duplicate" })]);
    expect(await testing.db.$count(callbacks)).toBe(1);

    // At 20:00 the practitioner is gone.
    const late = book(fixture.tilleuls, patientIds[0]!, "2026-12-02T20:00:00+01:00", "2026-12-02T20:20:00+01:00");
    const [outside] = await camille.push([late]);
    expect(outside).toMatchObject({ status: "rejected", error: { code: "outside_hours" } });
    expect((await callbacksOfKind(testing, "conflit")).find((row) => row.sourceId === late.args.id)).toMatchObject({
      patientId: patientIds[0],
      reason: `Rendez-vous mercredi 2 décembre à 20:00 refusé par le serveur : ${outside!.error!.message} Proposer un autre créneau au patient.`,
      createdBy: camille.userId,
    });

    // A refusal that is not about the agenda owes no call.
    const [unknownPatient] = await camille.push([{ name: "patient.update", args: { id: randomUUID(), notes: "…" } }]);
    expect(unknownPatient).toMatchObject({ status: "rejected", error: { code: "not_found" } });
    expect(await testing.db.$count(callbacks)).toBe(2);
  });

  it("the doctor's answer to an agreement request, and a reply given on the portal, are « réponse du médecin » callbacks due the same day", async () => {
    const { testing, fixture, camille } = await agency();
    const { practiceId, practitionerId, motifId, patientIds } = fixture.tilleuls;
    const request = {
      name: "message.create",
      args: {
        id: randomUUID(),
        practiceId,
        practitionerId,
        patientId: patientIds[1],
        callId: null,
        callerName: "MARTIN-PATIENT1 Loïc",
        callbackNumber: "+33698765431",
        category: "accord_nouveau_patient",
        urgency: "normale",
        text: "Nouveau patient : votre accord ?",
        request: { appointmentTypeId: motifId, startAt: null, endAt: null },
      },
    };
    const forTheDoctor = rappel(practiceId, patientIds[0]!, { practitionerId, category: "resultats", text: "Résultats de prise de sang à regarder." });
    expect(await camille.push([request, forTheDoctor])).toEqual([applied, applied]);
    // Neither is a callback yet: the patients wait for the doctor.
    expect(await testing.db.$count(callbacks)).toBe(0);

    expect(await camille.push([{ name: "message.answer", args: { id: request.args.id, agreed: true, note: "Plutôt un matin" } }])).toEqual([applied]);
    const [answer] = await callbacksOfKind(testing, "reponse_medecin");
    expect(answer).toMatchObject({
      practiceId,
      patientId: patientIds[1],
      callerName: "MARTIN-PATIENT1 Loïc",
      number: "+33698765431",
      sourceId: request.args.id,
      reason: "Dr Claire Martin accepte de voir ce nouveau patient : « Plutôt un matin ». Le dire au patient et lui proposer le rendez-vous.",
      dueAt: DUE.sameDay,
      status: "a_faire",
      createdBy: camille.userId,
    });
    // Dr Martin changes her mind before anyone called: only her latest answer is left to tell.
    expect(await camille.push([{ name: "message.answer", args: { id: request.args.id, agreed: false, note: null } }])).toEqual([applied]);
    const answers = await callbacksOfKind(testing, "reponse_medecin");
    expect(answers.filter((row) => row.status === "a_faire")).toEqual([
      expect.objectContaining({ sourceId: request.args.id, reason: "Dr Claire Martin ne prend pas ce nouveau patient. Le dire au patient.", dueAt: DUE.sameDay }),
    ]);
    expect(answers.find((row) => row.id === answer!.id)).toMatchObject({ status: "fait", closedAt: NOW, notes: "Plus à rappeler : le médecin a donné une autre réponse depuis." });
    // Answering a message that asks nothing is refused, and owes nothing.
    const [notARequest] = await camille.push([{ name: "message.answer", args: { id: forTheDoctor.args.id, agreed: true, note: null } }]);
    expect(notARequest).toMatchObject({ status: "rejected", error: { code: "invalid" } });

    // On the portal, Dr Martin treats the results message with a reply for the patient.
    await insertDoctor(testing.db, "c.martin", "Dr Claire Martin", [practitionerId], [practiceId]);
    const doctor = await signInDoctor(testing.app, "c.martin", clock);
    const treated = await testing.app.inject({ method: "POST", url: `/portail/api/messages/${forTheDoctor.args.id}/treat`, headers: doctor.headers(true), payload: { reply: "Résultats normaux." } });
    expect(treated.statusCode, treated.body).toBe(200);
    const replies = (await callbacksOfKind(testing, "reponse_medecin")).filter((row) => row.sourceId === forTheDoctor.args.id);
    expect(replies).toEqual([
      expect.objectContaining({
        patientId: patientIds[0],
        number: "+33698765432",
        reason: "Dr Claire Martin a répondu : « Résultats normaux. ». Le dire au patient.",
        dueAt: DUE.sameDay,
        createdBy: null,
      }),
    ]);
    // Treated again: still one.
    await testing.app.inject({ method: "POST", url: `/portail/api/messages/${forTheDoctor.args.id}/treat`, headers: doctor.headers(true), payload: { reply: "Résultats normaux." } });
    expect(await testing.db.$count(callbacks)).toBe(3);
  });

  it("a reminder SMS the operator could not deliver is a « sms_echec » callback with the SMS's id; a failed confirmation or a cancelled appointment's is not", async () => {
    const { testing, fixture } = await agency();
    const coming = tilleulsAppointment(fixture, "2026-11-25T09:00:00+01:00");
    const gone = tilleulsAppointment(fixture, "2026-11-26T09:00:00+01:00", { status: "cancelled" });
    await testing.db.insert(appointments).values([coming, gone]);
    const sent = (appointment: typeof coming, kind: "reminder" | "confirmation", gatewayRef: string) =>
      smsRow(appointment, kind, { status: "envoye", gatewayRef, text: "Rappel : RDV demain", sendAt: new Date("2026-11-23T16:00:00Z"), sentAt: new Date("2026-11-23T16:00:05Z") });
    const reminder = sent(coming, "reminder", "brevo-1");
    const confirmation = sent(coming, "confirmation", "brevo-2");
    const cancelledOne = sent(gone, "reminder", "brevo-3");
    await testing.db.insert(smsMessages).values([reminder, confirmation, cancelledOne]);

    // The gateway's receipts, as its webhook hands them over.
    for (const gatewayRef of ["brevo-1", "brevo-2", "brevo-3"]) {
      expect(await applySmsEvent(testing.db, { kind: "failed", gatewayRef, reason: "Brevo : SMS non remis (numéro injoignable)." }, NOW)).toBe(1);
    }

    expect(await testing.db.select().from(callbacks)).toEqual([
      expect.objectContaining({
        id: reminder.id,
        sourceId: reminder.id,
        kind: "sms_echec",
        practiceId: fixture.tilleuls.practiceId,
        patientId: fixture.tilleuls.patientIds[0],
        number: "+33612345670",
        reason: "Le SMS de rappel du rendez-vous du mercredi 25 novembre à 09:00 n'a pas été remis (Brevo : SMS non remis (numéro injoignable).) : rappeler le rendez-vous au patient.",
        dueAt: DUE.sameDay,
        status: "a_faire",
        createdBy: null,
      }),
    ]);
    // Reported twice (the queue gave up on it too): still one.
    await callbacksForFailedReminders(testing.db, [reminder.id], NOW);
    expect(await testing.db.$count(callbacks)).toBe(1);

    // Delivered after all (a soft bounce, then « remis »): the call is no longer owed.
    expect(await applySmsEvent(testing.db, { kind: "delivered", gatewayRef: "brevo-1", at: NOW }, NOW)).toBe(1);
    expect(await callbackRow(testing, reminder.id)).toMatchObject({ status: "fait", closedBy: null, notes: "Plus à rappeler : le SMS a finalement été remis." });
  });

  it("one SMS for a patient's appointments of a day that failed is one callback, about the first", async () => {
    const { testing, fixture } = await agency();
    const morning = tilleulsAppointment(fixture, "2026-11-25T09:00:00+01:00");
    const later = tilleulsAppointment(fixture, "2026-11-25T10:30:00+01:00");
    await testing.db.insert(appointments).values([morning, later]);
    const sent = (appointment: typeof morning) =>
      smsRow(appointment, "reminder", { status: "envoye", gatewayRef: "brevo-jour", text: "Rappel : RDV demain à 9 h et 10 h 30", sendAt: new Date("2026-11-23T16:00:00Z"), sentAt: new Date("2026-11-23T16:00:05Z") });
    const [first, second] = [sent(morning), sent(later)];
    await testing.db.insert(smsMessages).values([first, second]);

    expect(await applySmsEvent(testing.db, { kind: "failed", gatewayRef: "brevo-jour", reason: "numéro injoignable" }, NOW)).toBe(2);

    expect((await testing.db.select().from(callbacks)).map((row) => [row.id, row.kind])).toEqual([[first.id, "sms_echec"]]);
  });

  it("a practice's own due times replace the defaults for the kinds it names, and only there", async () => {
    const { testing, fixture, camille } = await agency();
    await testing.db
      .update(practices)
      .set({ callbackDelays: { message: { rule: "jour_ouvre_suivant" }, manuel: { rule: "minutes", minutes: 120 } } })
      .where(eq(practices.id, fixture.tilleuls.practiceId));
    const tilleuls = rappel(fixture.tilleuls.practiceId, null);
    const gare = rappel(fixture.gare.practiceId, null);
    const byHand = { id: randomUUID(), practiceId: fixture.tilleuls.practiceId, patientId: null, callerName: "M. Inconnu", number: null, reason: "Rappeler.", dueAt: null };
    const atGivenTime = { ...byHand, id: randomUUID(), dueAt: "2026-11-24T15:00:00+01:00" };
    const conflict = book(fixture.tilleuls, fixture.tilleuls.patientIds[0]!, "2026-12-02T20:00:00+01:00", "2026-12-02T20:20:00+01:00");

    const results = await camille.push([tilleuls, gare, { name: "callback.create", args: byHand }, { name: "callback.create", args: atGivenTime }, conflict]);
    expect(results.map((result) => result.status)).toEqual(["applied", "applied", "applied", "applied", "rejected"]);

    // The end of the next open day, Tuesday 19:00, instead of 120 minutes of opening.
    expect((await callbackRow(testing, tilleuls.args.id))?.dueAt).toEqual(paris("2026-11-24T19:00:00+01:00"));
    expect((await callbackRow(testing, gare.args.id))?.dueAt).toEqual(DUE.message);
    // 90 minutes on Monday, 30 on Tuesday.
    expect((await callbackRow(testing, byHand.id))?.dueAt).toEqual(paris("2026-11-24T08:30:00+01:00"));
    expect((await callbackRow(testing, atGivenTime.id))?.dueAt).toEqual(paris("2026-11-24T15:00:00+01:00"));
    // A kind it does not name keeps the default.
    expect((await callbacksOfKind(testing, "conflit"))[0]?.dueAt).toEqual(DUE.conflit);
  });
});

describe("taking a callback", () => {
  it("fifty secretaries take the same callback at once, each on her workstation: one holds it, the 49 others are told who", { timeout: 60_000 }, async () => {
    const { testing, fixture, camille, ines } = await agency();
    const passwordHash = (await testing.db.select().from(users).where(eq(users.login, "secretaire")))[0]!.passwordHash;
    const others = Array.from({ length: 48 }, (_, index) => ({
      id: randomUUID(),
      login: `secretaire${index + 3}`,
      displayName: `Secrétaire n° ${index + 3}`,
      role: "secretary" as const,
      practiceIds: [fixture.tilleuls.practiceId],
      passwordHash,
    }));
    await testing.db.insert(users).values(others);
    const stations = [camille, ines];
    for (const other of others) stations.push(await station(testing.app, other.login));
    const names = new Map([[camille.userId, "Camille Laurent"], [ines.userId, "Inès Moreau"], ...others.map((other) => [other.id, other.displayName] as const)]);
    expect(new Set(stations.map((one) => one.userId)).size).toBe(50);
    const message = rappel(fixture.tilleuls.practiceId, fixture.tilleuls.patientIds[0]!);
    expect(await camille.push([message])).toEqual([applied]);

    // The claims must meet at the row: the test holds it locked until many of them wait on it, then lets go.
    const blocker = new pg.Client({ connectionString: testing.url });
    const watcher = new pg.Client({ connectionString: testing.url });
    await Promise.all([blocker.connect(), watcher.connect()]);
    let results: MutationResult[];
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM callback WHERE id = $1 FOR UPDATE", [message.args.id]);
      const claims = Promise.all(stations.map(async (one) => (await one.push([{ name: "callback.take", args: { id: message.args.id } }]))[0]!));
      const waiting = async () =>
        (await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0]!.n;
      // The server's pool holds 20 connections: at least ten claims at the lock at the same moment.
      await eventually(async () => (await waiting()) >= 10);
      await blocker.query("COMMIT");
      results = await claims;
    } finally {
      await blocker.end();
      await watcher.end();
    }

    const winners = stations.filter((_, index) => results[index]!.status === "applied");
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const row = await callbackRow(testing, message.args.id);
    expect(row).toMatchObject({ status: "en_cours", ownerId: winner.userId, takenAt: NOW });
    const refusal = { code: "taken", message: `Ce rappel est pris par ${names.get(winner.userId)}.` };
    const losers = results.filter((result) => result.status !== "applied");
    expect(losers).toHaveLength(49);
    for (const result of losers) expect(outcome(result)).toEqual(refusal);
    // And a loser's workstation pulls who has it.
    const loser = stations.find((one) => one !== winner)!;
    expect((await loser.pullCallbacks()).find((pulled) => pulled.id === message.args.id)).toMatchObject({ status: "en_cours", ownerId: winner.userId });
  });

  it("follows the rules of the queue: attempts, closing, releasing, and only the holder acts on one held", async () => {
    const agencyNow = await agency();
    const { testing, camille, ines } = agencyNow;
    const id = await manualCallback(agencyNow);
    expect(await callbackRow(testing, id)).toMatchObject({ kind: "manuel", status: "a_faire", dueAt: DUE.manuel, createdBy: camille.userId });

    expect(await camille.push([{ name: "callback.take", args: { id } }])).toEqual([applied]);
    expect(await callbackRow(testing, id)).toMatchObject({ status: "en_cours", ownerId: camille.userId, takenAt: NOW });
    // Taking again one she holds (her other workstation) changes nothing.
    expect(await camille.push([{ name: "callback.take", args: { id } }])).toEqual([applied]);

    // Inès can do nothing with it while Camille holds it.
    const held = { code: "taken", message: "Ce rappel est pris par Camille Laurent." };
    const tries = await ines.push([
      { name: "callback.take", args: { id } },
      { name: "callback.attempt", args: { id, result: "joint", note: null } },
      { name: "callback.close", args: { id, status: "abandonne", note: null } },
      { name: "callback.release", args: { id } },
    ]);
    expect(tries.map(outcome)).toEqual([held, held, held, held]);
    expect(await callbackRow(testing, id)).toMatchObject({ status: "en_cours", ownerId: camille.userId, attempts: [] });

    // No answer: back in the queue, nobody's, the attempt kept, due again half an hour from now at the soonest.
    const { dueAt } = (await callbackRow(testing, id))!;
    expect(await camille.push([{ name: "callback.attempt", args: { id, result: "pas_de_reponse", note: "Répondeur plein" } }])).toEqual([applied]);
    const firstTry = { at: NOW.toISOString(), by: camille.userId, result: "pas_de_reponse", note: "Répondeur plein" };
    expect(await callbackRow(testing, id)).toMatchObject({ status: "a_faire", ownerId: null, takenAt: null, attempts: [firstTry], closedAt: null });
    expect((await callbackRow(testing, id))!.dueAt).toEqual(new Date(Math.max(dueAt.getTime(), NOW.getTime() + 30 * 60_000)));

    // Inès takes it now, reaches the patient: done.
    expect(await ines.push([{ name: "callback.take", args: { id } }, { name: "callback.attempt", args: { id, result: "joint", note: "RDV pris jeudi" } }])).toEqual([applied, applied]);
    expect(await callbackRow(testing, id)).toMatchObject({
      status: "fait",
      ownerId: ines.userId,
      closedAt: NOW,
      closedBy: ines.userId,
      notes: "RDV pris jeudi",
      attempts: [firstTry, { at: NOW.toISOString(), by: ines.userId, result: "joint", note: "RDV pris jeudi" }],
    });

    // Closed is closed, for everyone.
    const closed = { code: "invalid", message: "Ce rappel est déjà clos (fait)." };
    const late = await camille.push([
      { name: "callback.close", args: { id, status: "fait", note: null } },
      { name: "callback.attempt", args: { id, result: "joint", note: null } },
      { name: "callback.take", args: { id } },
      { name: "callback.release", args: { id } },
    ]);
    expect(late.map(outcome)).toEqual([closed, closed, closed, closed]);
    expect(await ines.push([{ name: "callback.close", args: { id, status: "abandonne", note: null } }]).then((results) => results.map(outcome))).toEqual([closed]);
    expect(await callbackRow(testing, id)).toMatchObject({ status: "fait", closedBy: ines.userId });
  });

  it("a claim nobody acted on for half an hour is free again: another secretary takes it", async () => {
    const agencyNow = await agency();
    const { testing, camille, ines } = agencyNow;
    const id = await manualCallback(agencyNow);
    expect(await camille.push([{ name: "callback.take", args: { id } }])).toEqual([applied]);
    clock.advance(29 * 60_000);
    expect((await ines.push([{ name: "callback.take", args: { id } }])).map(outcome)).toEqual([{ code: "taken", message: "Ce rappel est pris par Camille Laurent." }]);
    clock.advance(60_000);
    try {
      expect(await ines.push([{ name: "callback.take", args: { id } }])).toEqual([applied]);
      expect(await callbackRow(testing, id)).toMatchObject({ status: "en_cours", ownerId: ines.userId });
    } finally {
      clock.advance(-30 * 60_000);
    }
  });

  it("releases one untouched, abandons one with a note, and says « not found » to a secretary who does not serve its practice", async () => {
    const agencyNow = await agency();
    const { testing, camille, ines } = agencyNow;
    const id = await manualCallback(agencyNow);
    expect(await camille.push([{ name: "callback.take", args: { id } }, { name: "callback.release", args: { id } }])).toEqual([applied, applied]);
    expect(await callbackRow(testing, id)).toMatchObject({ status: "a_faire", ownerId: null, takenAt: null, attempts: [] });

    // A wrong number ends it: nobody to reach at that number.
    expect(await ines.push([{ name: "callback.attempt", args: { id, result: "faux_numero", note: "Numéro attribué à quelqu'un d'autre" } }])).toEqual([applied]);
    expect(await callbackRow(testing, id)).toMatchObject({
      status: "abandonne",
      closedBy: ines.userId,
      notes: "Numéro attribué à quelqu'un d'autre",
      attempts: [{ at: NOW.toISOString(), by: ines.userId, result: "faux_numero", note: "Numéro attribué à quelqu'un d'autre" }],
    });
    expect(await camille.push([{ name: "callback.take", args: { id } }]).then((results) => results.map(outcome))).toEqual([{ code: "invalid", message: "Ce rappel est déjà clos (abandonné)." }]);

    // At the Gare, which Inès does not serve: as if it did not exist, and untouched.
    const gare = await manualCallback(agencyNow, "gare");
    const notFound = { code: "not_found", message: "Rappel introuvable." };
    const attempts = await ines.push([
      { name: "callback.take", args: { id: gare } },
      { name: "callback.attempt", args: { id: gare, result: "joint", note: null } },
      { name: "callback.close", args: { id: gare, status: "fait", note: null } },
      { name: "callback.release", args: { id: gare } },
      { name: "callback.take", args: { id: randomUUID() } },
    ]);
    expect(attempts.map(outcome)).toEqual([notFound, notFound, notFound, notFound, notFound]);
    expect(await callbackRow(testing, gare)).toMatchObject({ status: "a_faire", ownerId: null, attempts: [] });
    // Nor can she note one there.
    const [create] = await ines.push([
      { name: "callback.create", args: { id: randomUUID(), practiceId: agencyNow.fixture.gare.practiceId, patientId: null, callerName: "X", number: null, reason: "Rappeler.", dueAt: null } },
    ]);
    expect(create).toMatchObject({ status: "rejected", error: { code: "forbidden" } });
    expect((await ines.pullCallbacks()).map((row) => row.id)).toEqual([id]);
    expect(await testing.db.select({ id: callbacks.id }).from(callbacks).where(eq(callbacks.practiceId, agencyNow.fixture.gare.practiceId))).toEqual([{ id: gare }]);
  });
});
