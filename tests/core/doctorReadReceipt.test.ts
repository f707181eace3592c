import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../db/central/passwords";
import { portalSecondFactors, users } from "../../db/central/schema";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { PORTAL_CSRF_HEADER, portalMessageList, secondFactorResponse } from "../../shared/api/portal";
import { eventually } from "../support/eventually";
import { useSyncWorld } from "../support/syncWorld";

/**
 * Issue 16: the doctor opens a message on the portal, and the secretary's workstation shows « Lu par … »
 * without waiting for its next timed pull (a minute here): the server pokes the practice's workstations.
 */
const world = useSyncWorld();
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

const cookieOf = (response: Response) => /telesec_portail=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";

describe("a doctor's read receipt", () => {
  it("reaches the workstation that took the message, by a poke, with the doctor's reply once treated", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const doctorId = randomUUID();
    await database.db.insert(users).values({ id: doctorId, login: "c.martin", displayName: "Dr Claire Martin", role: "practitioner", practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], passwordHash: await hashPassword("motdepasse-du-medecin") });
    await database.db.insert(portalSecondFactors).values({ userId: doctorId, secret: SECRET, createdAt: new Date(0), confirmedAt: new Date(0) });
    const secretary = await world.workstation(server.url, "secretaire");
    const { handlers } = secretary.workstation;

    const messageId = randomUUID();
    await handlers["mutations.apply"]({
      name: "message.create",
      args: { id: messageId, practiceId: fixture.tilleuls.practiceId, practitionerId: fixture.tilleuls.practitionerId, patientId: null, callId: null, callerName: "Mme Durand", callbackNumber: "+33612345678", category: "rappel", urgency: "urgente", text: "Rappeler avant midi" },
    });
    await secretary.settled();

    const portal = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.url), init);
    const login = await portal("/portail/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: "c.martin", password: "motdepasse-du-medecin" }) });
    expect(login.status).toBe(200);
    const second = await portal("/portail/api/second-factor", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `telesec_portail=${cookieOf(login)}` },
      body: JSON.stringify({ code: totpCodeAt(SECRET, new Date(world.clock.now())) }),
    });
    expect(second.status).toBe(200);
    const headers = { cookie: `telesec_portail=${cookieOf(second)}`, [PORTAL_CSRF_HEADER]: secondFactorResponse.parse(await second.json()).session.csrfToken };

    const listed = portalMessageList.parse(await (await portal("/portail/api/messages", { headers })).json());
    expect(listed.messages.map((message) => message.id)).toEqual([messageId]);
    expect((await portal(`/portail/api/messages/${messageId}/read`, { method: "POST", headers })).status).toBe(200);

    const shown = async () => (await handlers["messages.byPractice"]({ practiceId: fixture.tilleuls.practiceId, limit: 10 })).find((message) => message.id === messageId);
    await eventually(async () => (await shown())?.reading?.readBy === "Dr Claire Martin", 10_000);
    expect((await shown())?.status).toBe("lu");

    const treated = await portal(`/portail/api/messages/${messageId}/treat`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ reply: "Je la rappelle à 12 h." }) });
    expect(treated.status).toBe(200);
    await eventually(async () => (await shown())?.reading?.reply === "Je la rappelle à 12 h.", 10_000);
    expect((await shown())?.status).toBe("traite");
  });
});
