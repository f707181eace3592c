import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, practiceSmsSettings, users } from "../../db/central/schema";
import { hashPassword } from "../../db/central/passwords";
import { practiceSmsSettingsView } from "../../shared/api/admin";
import { errorBody } from "../../shared/api/wire";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { PASSWORD, seedSyncFixture } from "../support/syncWorld";
import { signInOnApp, useTestApps } from "./appOnFreshDatabase";

/** Issue 17: a practice's SMS to its patients, set by an administrator; a template that would carry health data is refused. */
const testApp = useTestApps();

async function agency() {
  const testing = await testApp();
  const fixture = await seedSyncFixture(testing.db);
  await testing.db.insert(users).values({ id: randomUUID(), login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [], passwordHash: await hashPassword("motdepasse-admin") });
  const { token } = await signInOnApp(testing.app, "admin", "motdepasse-admin");
  return { ...testing, fixture, admin: { authorization: `Bearer ${token}` } };
}

describe("a practice's SMS settings", () => {
  it("are the defaults until set, then what the administrator set; audited", async () => {
    const { app, db, fixture, admin } = await agency();
    const url = `/api/v1/admin/practices/${fixture.tilleuls.practiceId}/sms`;
    expect(practiceSmsSettingsView.parse((await app.inject({ method: "GET", url, headers: admin })).json())).toEqual({
      practiceId: fixture.tilleuls.practiceId,
      settings: DEFAULT_SMS_SETTINGS,
      custom: false,
    });
    const settings = {
      ...DEFAULT_SMS_SETTINGS,
      kinds: { confirmation: true, reminder: true, cancellation: false },
      reminderHour: 12,
      senderName: "Tilleuls",
      practitionerNamed: true,
      templates: { ...DEFAULT_SMS_SETTINGS.templates, reminder: "Rappel : RDV le {date} à {heure} avec {praticien}." },
    };
    const saved = await app.inject({ method: "PATCH", url, headers: admin, payload: settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(practiceSmsSettingsView.parse((await app.inject({ method: "GET", url, headers: admin })).json())).toEqual({ practiceId: fixture.tilleuls.practiceId, settings, custom: true });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "admin.practice.sms"));
    expect(event).toMatchObject({ entityId: fixture.tilleuls.practiceId, practiceId: fixture.tilleuls.practiceId });
  });

  it("refuse in French a template with health data or naming the practitioner against the practice's choice, and keep what was there", async () => {
    const { app, db, fixture, admin } = await agency();
    const url = `/api/v1/admin/practices/${fixture.tilleuls.practiceId}/sms`;
    const health = await app.inject({ method: "PATCH", url, headers: admin, payload: { ...DEFAULT_SMS_SETTINGS, templates: { ...DEFAULT_SMS_SETTINGS.templates, confirmation: "Votre {motif} le {date}" } } });
    expect(health.statusCode).toBe(400);
    expect(errorBody.parse(health.json()).error.message).toContain("{motif} ne peut pas figurer dans un SMS : c'est une donnée de santé.");
    const named = await app.inject({ method: "PATCH", url, headers: admin, payload: { ...DEFAULT_SMS_SETTINGS, templates: { ...DEFAULT_SMS_SETTINGS.templates, reminder: "Avec {praticien}" } } });
    expect(errorBody.parse(named.json()).error.message).toContain("ce cabinet a choisi de ne pas nommer le praticien");
    expect((await app.inject({ method: "PATCH", url, headers: admin, payload: { ...DEFAULT_SMS_SETTINGS, senderName: "Cabinet des Tilleuls" } })).statusCode).toBe(400);
    expect(await db.select().from(practiceSmsSettings)).toEqual([]);

    expect((await app.inject({ method: "GET", url: `/api/v1/admin/practices/${randomUUID()}/sms`, headers: admin })).statusCode).toBe(404);
    const secretary = await signInOnApp(app, "secretaire", PASSWORD);
    expect((await app.inject({ method: "PATCH", url, headers: { authorization: `Bearer ${secretary.token}` }, payload: DEFAULT_SMS_SETTINGS })).statusCode).toBe(403);
  });
});
