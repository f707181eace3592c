import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { appointments, auditEvents, dialledNumbers, patients, smsMessages } from "../../db/central/schema";
import { brevoGateway } from "../../server/sms/brevoGateway";
import { ovhGateway } from "../../server/sms/ovhGateway";
import type { SmsGateway } from "../../server/sms/smsGateway";
import { OPPOSED } from "../../server/sms/smsPlan";
import { startServer, type RunningServer } from "../../server/startServer";
import { tilleulsAppointment } from "../support/centralRows";
import { eventually } from "../support/eventually";
import { startFakeBrevoApi, startFakeOvhApi } from "../support/fakeSmsApis";
import { manualClock } from "../support/manualClock";
import { useFreshDatabases, type FreshDatabase } from "../support/postgres";
import { seedSyncFixture, type SyncFixture } from "../support/syncWorld";

/**
 * Issue 17: what the gateways say after sending — delivered, failed with their reason, a patient's STOP —
 * reaches each SMS through their webhooks, in each gateway's documented shapes, authenticated by the
 * agency's secret before any body is read; a receipt faster than the sending transaction is not lost.
 */
const freshDatabase = useFreshDatabases();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const SECRET = "secret-des-passerelles-sms-0123456789abcdef";
const OVH = { applicationKey: "ak-essai", applicationSecret: "as-essai", consumerKey: "ck-essai", serviceName: "sms-ab12345-1" };
const BREVO_KEY = "xkeysib-essai";
/** The second patient's number: the fake gateways fail what goes to it. */
const FAILING = "+33612345671";

async function agency() {
  const database = await freshDatabase();
  const fixture = await seedSyncFixture(database.db);
  await database.db.insert(dialledNumbers).values({ id: randomUUID(), practiceId: fixture.tilleuls.practiceId, e164: "+33478000001", label: "Accueil" });
  return { database, fixture };
}

async function serve(database: FreshDatabase, gateway: SmsGateway, smsWebhookSecret: string | null = SECRET): Promise<RunningServer> {
  const clock = manualClock(Date.parse("2026-11-23T10:00:30+01:00"));
  const server = await startServer({ port: 0, databaseUrl: database.url, clock, sms: { gateway, retryDelaySeconds: 1, retryLimit: 1 }, ...(smsWebhookSecret ? { smsWebhookSecret } : {}) });
  stops.push(server.close);
  return server;
}

/** Books an appointment of each Tilleuls patient for 10 December: each gets its confirmation at once. */
async function bookBoth(database: FreshDatabase, fixture: SyncFixture) {
  const [first, second] = fixture.tilleuls.patientIds.map((patientId, index) => tilleulsAppointment(fixture, `2026-12-10T1${index}:00:00+01:00`, { patientId }));
  await database.db.insert(appointments).values([first!, second!]);
  return { delivered: first!.id, failing: second!.id };
}

const confirmationOf = async (database: FreshDatabase, appointmentId: string) =>
  (await database.db.select().from(smsMessages).where(and(eq(smsMessages.appointmentId, appointmentId), eq(smsMessages.kind, "confirmation"))))[0];

const opposed = async (database: FreshDatabase) =>
  (await database.db.select({ id: patients.id, smsOpposition: patients.smsOpposition }).from(patients)).filter((patient) => patient.smsOpposition).map((patient) => patient.id).sort();

describe("the OVHcloud webhooks", () => {
  it("mark the SMS delivered or failed with the operator's reason; a replay or a late failure leaves « remis »; a wrong secret or a bad receipt changes nothing", async () => {
    const { database, fixture } = await agency();
    const hooks: { callBack?: string; failing: string[] } = { failing: [FAILING] };
    const api = await startFakeOvhApi(OVH, hooks);
    stops.push(api.close);
    const server = await serve(database, ovhGateway({ endpoint: api.endpoint, ...OVH, defaultSender: null }, manualClock()));
    hooks.callBack = `${server.url}/api/v1/sms/ovh/receipts/${SECRET}`;
    const booked = await bookBoth(database, fixture);

    await eventually(async () => (await confirmationOf(database, booked.delivered))?.status === "remis" && (await confirmationOf(database, booked.failing))?.status === "echec", 10_000);
    await api.receipts.settled();
    expect(api.receipts.answers).toEqual([200, 200]);
    const delivered = await confirmationOf(database, booked.delivered);
    expect(delivered).toMatchObject({ status: "remis", reason: null, gatewayRef: expect.stringMatching(/^ovh-1000[12]$/) });
    expect(delivered!.deliveredAt?.toISOString()).toBe("2026-11-23T09:00:30.000Z");
    expect(await confirmationOf(database, booked.failing)).toMatchObject({ status: "echec", reason: "OVHcloud : SMS non remis (abonné absent)." });

    const receipt = (secret: string, query: string) => fetch(`${server.url}/api/v1/sms/ovh/receipts/${secret}?${query}`);
    const id = delivered!.gatewayRef!.slice("ovh-".length);
    // Replayed, then a failure after the fact: « remis » stays.
    expect(await (await receipt(SECRET, `id=${id}&description=1&ptt=4`)).json()).toEqual({ applied: 0 });
    expect(await (await receipt(SECRET, `id=${id}&description=2&ptt=5`)).json()).toEqual({ applied: 0 });
    // Still on its way: nothing.
    expect(await (await receipt(SECRET, `id=${id}&description=4&ptt=3`)).json()).toEqual({ applied: 0 });
    const wrong = await receipt("pas-le-bon-secret", `id=${id}&description=2`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: "unauthenticated", message: "Passerelle SMS non reconnue : secret absent ou invalide." } });
    const bad = await receipt(SECRET, `id=abc&description=2`);
    expect(bad.status).toBe(400);
    expect(await confirmationOf(database, booked.delivered)).toMatchObject({ status: "remis", reason: null });
    // Nothing held for a receipt of an SMS already final.
    expect((await database.db.execute(sql`SELECT count(*)::int AS n FROM sms_held_receipt`)).rows[0]).toEqual({ n: 0 });
  });

  it("record a patient's STOP on every record of the number, in every practice, and refuse the SMS planned; keep nothing of another answer", async () => {
    const { database, fixture } = await agency();
    const hooks: { replies?: string } = {};
    const api = await startFakeOvhApi(OVH, hooks);
    stops.push(api.close);
    const server = await serve(database, ovhGateway({ endpoint: api.endpoint, ...OVH, defaultSender: null }, manualClock()));
    hooks.replies = `${server.url}/api/v1/sms/ovh/replies/${SECRET}`;
    const booked = await bookBoth(database, fixture);
    await eventually(async () => (await confirmationOf(database, booked.delivered))?.status === "envoye", 10_000);

    api.reply("0033612345671", "Merci, à jeudi. J'ai toujours mal au dos.");
    api.reply("0033612345670", "Stop");
    await api.receipts.settled();
    expect(api.receipts.answers).toEqual([200, 200]);
    // The Tilleuls' first patient and the Gare's, who share the number.
    expect(await opposed(database)).toEqual([fixture.tilleuls.patientIds[0]!, fixture.gare.patientIds[0]!].sort());
    const reminders = await database.db.select().from(smsMessages).where(and(eq(smsMessages.appointmentId, booked.delivered), eq(smsMessages.kind, "reminder")));
    expect(reminders).toEqual([expect.objectContaining({ status: "refuse", reason: OPPOSED })]);
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "patient.sms.stop"));
    expect(audit.map((row) => row.entityId).sort()).toEqual([fixture.tilleuls.patientIds[0]!, fixture.gare.patientIds[0]!].sort());
    // The other answer's words are nowhere.
    const words = await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE details::text LIKE '%dos%'`);
    expect(words.rows[0]).toEqual({ n: 0 });
  });
});

describe("the Brevo webhook", () => {
  it("marks delivered and hard-bounced SMS, records a STOP by reply or by unsubscription, and reads no body without the bearer token", async () => {
    const { database, fixture } = await agency();
    const hooks: { webhook?: { url: string; token: string }; failing: string[] } = { failing: [FAILING] };
    const api = await startFakeBrevoApi(BREVO_KEY, hooks);
    stops.push(api.close);
    const server = await serve(database, brevoGateway({ endpoint: api.endpoint, apiKey: BREVO_KEY, defaultSender: "TELESEC" }));
    hooks.webhook = { url: `${server.url}/api/v1/sms/brevo/events`, token: SECRET };
    const booked = await bookBoth(database, fixture);

    await eventually(async () => (await confirmationOf(database, booked.delivered))?.status === "remis" && (await confirmationOf(database, booked.failing))?.status === "echec", 10_000);
    expect(await confirmationOf(database, booked.failing)).toMatchObject({ status: "echec", reason: "Brevo : SMS non remis (numéro injoignable — Invalid number)." });
    // Brevo's event time, not the server's.
    expect((await confirmationOf(database, booked.delivered))!.deliveredAt?.toISOString()).toBe(new Date(1_795_424_431_000).toISOString());

    api.reply("33612345670", "STOP SMS");
    api.unsubscribe("33612345671");
    await api.receipts.settled();
    expect(api.receipts.answers).toEqual([200, 200, 200, 200]);
    expect(await opposed(database)).toEqual([...fixture.tilleuls.patientIds, ...fixture.gare.patientIds].sort());

    const unauthenticated = await fetch(`${server.url}/api/v1/sms/brevo/events`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer faux" }, body: "{pas du json" });
    expect(unauthenticated.status).toBe(401);
    const malformed = await fetch(`${server.url}/api/v1/sms/brevo/events`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ messageId: 1 }) });
    expect(malformed.status).toBe(400);
  });
});

describe("a receipt faster than the sending", () => {
  it("is held until the SMS is recorded as sent, then applied by that transaction", async () => {
    const { database, fixture } = await agency();
    let serverUrl = "";
    // The gateway's receipt is answered before it answers the send itself: the SMS is not recorded yet.
    const gateway: SmsGateway = {
      name: "rapide",
      async send() {
        const answer = await fetch(`${serverUrl}/api/v1/sms/ovh/receipts/${SECRET}?id=777&description=1&ptt=4`);
        expect(await answer.json()).toEqual({ applied: 0 });
        return { gatewayRef: "ovh-777" };
      },
    };
    const server = await serve(database, gateway);
    serverUrl = server.url;
    const row = tilleulsAppointment(fixture, "2026-12-10T10:00:00+01:00");
    await database.db.insert(appointments).values(row);
    await eventually(async () => (await confirmationOf(database, row.id))?.status === "remis", 10_000);
    expect((await database.db.execute(sql`SELECT count(*)::int AS n FROM sms_held_receipt`)).rows[0]).toEqual({ n: 0 });
  });

  it("answers 503, in French, on a server without the gateways' secret", async () => {
    const { database } = await agency();
    const server = await serve(database, { name: "aucune", send: async () => ({ gatewayRef: "x" }) }, null);
    const answer = await fetch(`${server.url}/api/v1/sms/ovh/receipts/${SECRET}?id=1&description=1`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: { code: "not_configured", message: "Accusés de réception SMS non configurés sur ce serveur (TELESEC_SMS_WEBHOOK_SECRET)." } });
  });
});
