import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../../db/central/schema";
import { TelesecError } from "../../shared/api/rpcProtocol";
import { useSyncWorld } from "../support/syncWorld";

/** The administration methods of the workstation's core, against a real server: online only, the server's roles. */
const world = useSyncWorld();

describe("administration through the core", () => {
  it("lets an administrator's workstation manage accounts and devices, and refuses a secretary's with the server's words", async () => {
    const { database } = await world.database();
    await database.db.update(users).set({ role: "admin" }).where(eq(users.login, "secretaire2"));
    const server = await world.server(database.url);
    const admin = await world.workstation(server.url, "secretaire2");
    const secretary = await world.workstation(server.url, "secretaire");

    const accounts = await admin.workstation.handlers["admin.users.list"]({});
    expect(accounts.map((account) => account.login).sort()).toEqual(["secretaire", "secretaire2"]);
    const created = await admin.workstation.handlers["admin.users.create"]({ login: "l.morel", displayName: "Léa Morel", role: "supervisor", practiceIds: [], practitionerIds: [], extension: null, email: null, password: "un-bon-mot-de-passe" });
    expect(created).toMatchObject({ login: "l.morel", role: "supervisor", disabled: false });
    const renamed = await admin.workstation.handlers["admin.users.update"]({ id: created.id, change: { displayName: "Léa Morel-Petit" } });
    expect(renamed.displayName).toBe("Léa Morel-Petit");

    const devices = await admin.workstation.handlers["admin.devices.list"]({});
    const secretaryDevice = devices.find((device) => device.userLogin === "secretaire")!;
    const refused = secretary.workstation.handlers["admin.users.list"]({});
    await expect(refused).rejects.toThrow(TelesecError);
    await expect(refused).rejects.toMatchObject({ code: "forbidden", message: "Réservé aux administrateurs de l'agence." });
    await expect(secretary.workstation.handlers["stats.calls"]({ from: "2026-01-01", to: "2026-01-31" })).rejects.toMatchObject({ code: "forbidden" });

    await admin.workstation.handlers["admin.devices.revoke"]({ id: secretaryDevice.id });
    const page = await admin.workstation.handlers["admin.audit.search"]({ action: "admin.device.revoke", limit: 10 });
    expect(page.events.map((event) => event.entityId)).toEqual([secretaryDevice.id]);

    // A practitioner's calendar address: whole, on this workstation's way to the server, and it answers.
    const practice = (await admin.workstation.handlers["admin.practices.list"]({}))[0]!;
    const records = await admin.workstation.handlers["admin.practices.get"]({ practiceId: practice.id });
    const doctor = records.card.practitioners[0]!;
    const feed = await admin.workstation.handlers["admin.calendarFeeds.create"]({ practitionerId: doctor.id });
    expect(feed.url).toMatch(new RegExp(`^${server.url.replace(/\/$/, "")}/ics/[A-Za-z0-9_-]{43}\\.ics$`));
    const calendar = await fetch(feed.url);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain("BEGIN:VCALENDAR");
    expect(await admin.workstation.handlers["admin.calendarFeeds.list"]({ practitionerId: doctor.id })).toEqual([
      { id: feed.id, practitionerId: doctor.id, createdAt: feed.createdAt, revokedAt: null },
    ]);
    expect((await admin.workstation.handlers["admin.calendarFeeds.revoke"]({ id: feed.id })).revokedAt).not.toBeNull();
    expect((await fetch(feed.url)).status).toBe(404);

    // The practice's day summary hour: set through the core, read back with the practice.
    expect(await admin.workstation.handlers["admin.practices.daySummary"]({ practiceId: practice.id, hour: 19 })).toEqual({ practiceId: practice.id, hour: 19 });
    expect((await admin.workstation.handlers["admin.practices.get"]({ practiceId: practice.id })).daySummaryHour).toBe(19);

    await server.close();
    await expect(admin.workstation.handlers["admin.users.list"]({})).rejects.toMatchObject({
      code: "unreachable",
      message: "Serveur injoignable : cette action demande une connexion au serveur de l'agence.",
    });
  });
});
