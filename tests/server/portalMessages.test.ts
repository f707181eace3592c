import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, messages } from "../../db/central/schema";
import { portalMessageAnswer, portalMessageList } from "../../shared/api/portal";
import { errorBody } from "../../shared/api/wire";
import { manualClock } from "../support/manualClock";
import { seedSyncFixture } from "../support/syncWorld";
import { useTestApps } from "./appOnFreshDatabase";
import { insertDoctor, signInDoctor } from "./portalDoctor";

/**
 * Issue 16: the doctor reads the messages taken for them on the portal. Opening one is the read receipt
 * the secretaries see; « Traité » closes it with an optional reply; nothing of another practitioner's.
 */
const clock = manualClock(Date.parse("2026-11-23T13:30:10Z"));
const testApp = useTestApps(clock);
const DAY = 86_400_000;

async function doctorWithMessages() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  const doctorId = await insertDoctor(testing.db, "c.martin", "Dr Claire Martin", [fixture.tilleuls.practitionerId], [fixture.tilleuls.practiceId]);
  const at = (daysAgo: number, minutes = 0) => new Date(clock.now() - daysAgo * DAY + minutes * 60_000);
  const message = (name: string, extra: Partial<typeof messages.$inferInsert>) => ({
    id: randomUUID(),
    practiceId: fixture.tilleuls.practiceId,
    practitionerId: fixture.tilleuls.practitionerId,
    patientId: fixture.tilleuls.patientIds[0]!,
    callerName: name,
    callbackNumber: "+33612345678",
    category: "rappel" as const,
    urgency: "normale" as const,
    text: `Rappeler ${name}`,
    status: "nouveau" as const,
    createdAt: at(0, -60),
    ...extra,
  });
  const rows = {
    normal: message("Mme Normale", { createdAt: at(0, -10) }),
    urgent: message("M. Urgent", { urgency: "urgente", createdAt: at(1) }),
    seen: message("Mme Déjà-lue", { status: "lu", createdAt: at(0, -5), reading: { readAt: at(0, -4).toISOString(), readBy: "Dr Claire Martin", treatedAt: null, reply: null } }),
    treated: message("M. Traité", { status: "traite", createdAt: at(3) }),
    old: message("Mme Ancienne", { status: "traite", createdAt: at(40) }),
    practice: message("M. Cabinet", { practitionerId: null }),
    otherDoctor: message("Mme Gare", { practiceId: fixture.gare.practiceId, practitionerId: fixture.gare.practitionerId, patientId: fixture.gare.patientIds[0]! }),
  };
  await testing.db.insert(messages).values(Object.values(rows));
  const session = await signInDoctor(testing.app, "c.martin", clock);
  return { ...testing, fixture, doctorId, rows, session };
}

describe("the doctor's messages on the portal", () => {
  it("lists the doctor's own, still to treat first (urgent, then unopened), then treated in the last 30 days; audited", async () => {
    const { app, db, doctorId, rows, session, fixture } = await doctorWithMessages();
    const response = await app.inject({ method: "GET", url: "/portail/api/messages", headers: session.headers() });
    expect(response.statusCode, response.body).toBe(200);
    const listed = portalMessageList.parse(response.json()).messages;
    expect(listed.map((message) => message.callerName)).toEqual(["M. Urgent", "Mme Normale", "Mme Déjà-lue", "M. Traité"]);
    expect(listed[0]).toMatchObject({ practitionerName: "Dr Claire Martin", urgency: "urgente", reading: null, callbackNumber: "+33612345678" });

    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, doctorId), eq(auditEvents.action, "portal.messages.list")));
    expect(audit).toMatchObject({ practiceId: fixture.tilleuls.practiceId, entity: "message" });
    expect((audit!.details as { messageIds: string[] }).messageIds.sort()).toEqual([rows.urgent.id, rows.normal.id, rows.seen.id, rows.treated.id].sort());
  });

  it("records the first opening as the read receipt, moves a new message to « lu », and bumps its version for the workstations", async () => {
    const { app, db, rows, session } = await doctorWithMessages();
    const [before] = await db.select().from(messages).where(eq(messages.id, rows.normal.id));
    const opened = await app.inject({ method: "POST", url: `/portail/api/messages/${rows.normal.id}/read`, headers: session.headers(true) });
    expect(opened.statusCode, opened.body).toBe(200);
    const readAt = new Date(clock.now()).toISOString();
    expect(portalMessageAnswer.parse(opened.json()).message).toMatchObject({ status: "lu", reading: { readAt, readBy: "Dr Claire Martin", treatedAt: null, reply: null } });
    const [after] = await db.select().from(messages).where(eq(messages.id, rows.normal.id));
    expect(after!.version).toBeGreaterThan(before!.version);

    // Opened again later: the receipt keeps the first time, the row is not rewritten; the opening is still audited.
    clock.advance(5 * 60_000);
    const again = await app.inject({ method: "POST", url: `/portail/api/messages/${rows.normal.id}/read`, headers: session.headers(true) });
    expect(portalMessageAnswer.parse(again.json()).message.reading?.readAt).toBe(readAt);
    const [unchanged] = await db.select().from(messages).where(eq(messages.id, rows.normal.id));
    expect(unchanged!.version).toBe(after!.version);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "portal.message.open"))).toBe(2);
  });

  it("marks a message treated with the doctor's short reply, keeping when it was first read", async () => {
    const { app, db, rows, session } = await doctorWithMessages();
    const treated = await app.inject({
      method: "POST",
      url: `/portail/api/messages/${rows.seen.id}/treat`,
      headers: session.headers(true),
      payload: { reply: "  Ordonnance faite, à retirer à l'accueil.  " },
    });
    expect(treated.statusCode, treated.body).toBe(200);
    const [row] = await db.select().from(messages).where(eq(messages.id, rows.seen.id));
    expect(row).toMatchObject({
      status: "traite",
      reading: { readAt: rows.seen.reading!.readAt, readBy: "Dr Claire Martin", treatedAt: new Date(clock.now()).toISOString(), reply: "Ordonnance faite, à retirer à l'accueil." },
    });
    // Without a reply: treated all the same, and read at that moment if it never was.
    const bare = await app.inject({ method: "POST", url: `/portail/api/messages/${rows.urgent.id}/treat`, headers: session.headers(true), payload: {} });
    expect(portalMessageAnswer.parse(bare.json()).message).toMatchObject({ status: "traite", reading: { readAt: new Date(clock.now()).toISOString(), reply: null } });
  });

  it("refuses another practitioner's message, the whole practice's, an unknown one, bad input and a write without the CSRF token, writing nothing", async () => {
    const { app, db, rows, session } = await doctorWithMessages();
    const snapshot = async () => JSON.stringify(await db.select().from(messages).orderBy(messages.id));
    const before = await snapshot();
    const refusals: [string, Record<string, string>, object | undefined, number, string][] = [
      [`/portail/api/messages/${rows.otherDoctor.id}/read`, session.headers(true), undefined, 404, "not_found"],
      [`/portail/api/messages/${rows.practice.id}/treat`, session.headers(true), {}, 404, "not_found"],
      [`/portail/api/messages/${randomUUID()}/read`, session.headers(true), undefined, 404, "not_found"],
      ["/portail/api/messages/pas-un-id/read", session.headers(true), undefined, 400, "invalid"],
      [`/portail/api/messages/${rows.normal.id}/treat`, session.headers(true), { reply: "x".repeat(1001) }, 400, "invalid"],
      [`/portail/api/messages/${rows.normal.id}/treat`, session.headers(true), { reply: "ok", status: "nouveau" }, 400, "invalid"],
      [`/portail/api/messages/${rows.normal.id}/read`, session.headers(false), undefined, 403, "csrf"],
    ];
    for (const [url, headers, payload, status, code] of refusals) {
      const response = await app.inject({ method: "POST", url, headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, url).toBe(status);
      expect(errorBody.parse(response.json()).error.code, url).toBe(code);
    }
    expect(await snapshot()).toBe(before);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "portal.message.open"))).toBe(0);
  });
});
