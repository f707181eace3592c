import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../db/central/passwords";
import { portalSecondFactors, users } from "../../db/central/schema";
import { totpCodeAt } from "../../server/portal/secondFactor";
import { PORTAL_CSRF_HEADER, secondFactorResponse } from "../../shared/api/portal";
import { eventually } from "../support/eventually";
import { useSyncWorld } from "../support/syncWorld";

/**
 * Issue 16: an absence the doctor declares on the portal reaches the secretary's workstation by a poke
 * (its timed pull is a minute away), which then refuses a booking inside it, saying why.
 */
const world = useSyncWorld();
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const cookieOf = (response: Response) => /telesec_portail=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";

describe("a doctor's absence given on the portal", () => {
  it("makes the workstation refuse a booking inside it, with the reason", async () => {
    const { database, fixture } = await world.database();
    const server = await world.server(database.url);
    const doctorId = randomUUID();
    await database.db.insert(users).values({ id: doctorId, login: "c.martin", displayName: "Dr Claire Martin", role: "practitioner", practiceIds: [fixture.tilleuls.practiceId], practitionerIds: [fixture.tilleuls.practitionerId], passwordHash: await hashPassword("motdepasse-du-medecin") });
    await database.db.insert(portalSecondFactors).values({ userId: doctorId, secret: SECRET, createdAt: new Date(0), confirmedAt: new Date(0) });
    const secretary = await world.workstation(server.url, "secretaire");
    const { handlers } = secretary.workstation;

    const portal = (path: string, init: RequestInit = {}) => fetch(new URL(path, server.url), init);
    const json = { "content-type": "application/json" };
    const login = await portal("/portail/api/login", { method: "POST", headers: json, body: JSON.stringify({ login: "c.martin", password: "motdepasse-du-medecin" }) });
    const second = await portal("/portail/api/second-factor", {
      method: "POST",
      headers: { ...json, cookie: `telesec_portail=${cookieOf(login)}` },
      body: JSON.stringify({ code: totpCodeAt(SECRET, new Date(world.clock.now())) }),
    });
    const headers = { ...json, cookie: `telesec_portail=${cookieOf(second)}`, [PORTAL_CSRF_HEADER]: secondFactorResponse.parse(await second.json()).session.csrfToken };
    const added = await portal(`/portail/api/practitioners/${fixture.tilleuls.practitionerId}/absences`, {
      method: "POST",
      headers,
      body: JSON.stringify({ from: "2026-11-25T00:00:00+01:00", to: "2026-11-26T00:00:00+01:00", reason: "formation", label: "Congrès" }),
    });
    expect(added.status).toBe(201);

    const book = () =>
      handlers["mutations.apply"]({
        name: "appointment.book",
        args: {
          id: randomUUID(),
          practitionerId: fixture.tilleuls.practitionerId,
          patientId: fixture.tilleuls.patientIds[0]!,
          appointmentTypeId: fixture.tilleuls.motifId,
          startAt: "2026-11-25T10:00:00+01:00",
          endAt: "2026-11-25T10:20:00+01:00",
        },
      });
    let refusal: { code?: string; message?: string } | undefined;
    await eventually(async () => {
      // The handler refuses synchronously, as it answers an IPC call: caught the same either way.
      refusal = await Promise.resolve()
        .then(book)
        .then(
        () => undefined,
        (error: { code?: string; message?: string }) => error,
      );
      return refusal?.code === "practitioner_absent";
    }, 10_000);
    expect(refusal?.message).toContain("Congrès");
    expect(refusal?.message).toContain("25/11/2026");
  });
});
