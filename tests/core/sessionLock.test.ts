import { randomUUID } from "node:crypto";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { devices } from "../../db/central/schema";
import { describe, expect, it } from "vitest";
import { methods, type LockStatus, type MethodName } from "../../shared/api/contract";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { createWorkstation, STORE_FILE, type Workstation } from "../../electron/core/workstation";
import { MAX_UNLOCK_ATTEMPTS } from "../../electron/core/session/sessionLock";
import { manualClock } from "../support/manualClock";
import { queuedMessage } from "../support/queuedMessage";
import { PASSWORD, useSyncWorld, type SyncFixture } from "../support/syncWorld";
import { NOW } from "../support/fixtures";

/** Real PostgreSQL, real server, real encrypted stores; the auto-lock's time moved by hand. */
const world = useSyncWorld();

/** What a locked workstation must refuse, with an input each: every method of the contract is in one list or the other. */
function dataCalls(fixture: SyncFixture): Record<string, (workstation: Workstation) => unknown> {
  const { practiceId, practitionerId } = fixture.tilleuls;
  const at = NOW.toISOString();
  const later = new Date(NOW.getTime() + 86_400_000).toISOString();
  return {
    "practices.list": (w) => w.handlers["practices.list"]({}),
    "call.workspace": (w) =>
      w.handlers["call.workspace"]({
        dialledNumber: "0144556677",
        callerNumber: "0612345670",
        at,
        agenda: { from: at, to: later },
      }),
    "practices.byDialledNumber": (w) => w.handlers["practices.byDialledNumber"]({ number: "0144556677" }),
    "practices.card": (w) => w.handlers["practices.card"]({ practiceId }),
    "patients.byCallerNumber": (w) => w.handlers["patients.byCallerNumber"]({ practiceId, number: "0612345670" }),
    "patients.search": (w) => w.handlers["patients.search"]({ practiceId, text: "hel", limit: 20 }),
    "directives.inForce": (w) => w.handlers["directives.inForce"]({ practiceId, at }),
    "messages.byPractice": (w) => w.handlers["messages.byPractice"]({ practiceId, limit: 50 }),
    "messages.agreement": (w) => w.handlers["messages.agreement"]({ patientId: fixture.tilleuls.patientIds[0]!, practitionerId }),
    "agenda.range": (w) => w.handlers["agenda.range"]({ practitionerIds: [practitionerId], from: at, to: later }),
    "agenda.freeSlots": (w) => w.handlers["agenda.freeSlots"]({ practiceId, from: at, limit: 10 }),
    "agenda.motifs": (w) => w.handlers["agenda.motifs"]({ practiceId }),
    "agenda.ofPatient": (w) => w.handlers["agenda.ofPatient"]({ patientId: fixture.tilleuls.patientIds[0]! }),
    "sms.ofAppointment": (w) => w.handlers["sms.ofAppointment"]({ appointmentId: randomUUID() }),
    "callbacks.dial": (w) => w.handlers["callbacks.dial"]({ id: randomUUID() }),
    "calls.ofPatient": (w) => w.handlers["calls.ofPatient"]({ patientId: fixture.tilleuls.patientIds[0]!, exceptCallId: null, limit: 5 }),
    "waitlist.byPractice": (w) => w.handlers["waitlist.byPractice"]({ practiceId }),
    "callbacks.queue": (w) => w.handlers["callbacks.queue"]({}),
    "conflicts.list": (w) => w.handlers["conflicts.list"]({}),
    "sync.pending": (w) => w.handlers["sync.pending"]({}),
    "conflicts.clear": (w) => w.handlers["conflicts.clear"]({ id: randomUUID() }),
    "mutations.apply": (w) => w.handlers["mutations.apply"]({ name: "message.create", args: queuedMessage(practiceId, 0) }),
    "workstation.forget": (w) => w.handlers["workstation.forget"]({ confirm: true, discardPending: true }),
    "workstation.resetAndResync": (w) => w.handlers["workstation.resetAndResync"]({ confirm: true }),
    "session.logout": (w) => w.handlers["session.logout"]({}),
    "admin.users.list": (w) => w.handlers["admin.users.list"]({}),
    "admin.users.create": (w) => w.handlers["admin.users.create"]({ login: "x.y", displayName: "X", role: "secretary", practiceIds: [], practitionerIds: [], extension: null, email: null, password: "0123456789" }),
    "admin.users.update": (w) => w.handlers["admin.users.update"]({ id: randomUUID(), change: { displayName: "X" } }),
    "admin.devices.list": (w) => w.handlers["admin.devices.list"]({}),
    "admin.devices.revoke": (w) => w.handlers["admin.devices.revoke"]({ id: randomUUID() }),
    "admin.calendarFeeds.list": (w) => w.handlers["admin.calendarFeeds.list"]({ practitionerId }),
    "admin.calendarFeeds.create": (w) => w.handlers["admin.calendarFeeds.create"]({ practitionerId }),
    "admin.calendarFeeds.revoke": (w) => w.handlers["admin.calendarFeeds.revoke"]({ id: randomUUID() }),
    "admin.devices.rename": (w) => w.handlers["admin.devices.rename"]({ id: randomUUID(), name: "Accueil" }),
    "admin.audit.search": (w) => w.handlers["admin.audit.search"]({ limit: 10 }),
    "admin.records.create": (w) =>
      w.handlers["admin.records.create"]({ kind: "directive", fields: { practiceId, practitionerId: null, category: "general", title: "T", text: "T", priority: 0, validFrom: null, validTo: null, flags: {} } }),
    "admin.records.update": (w) => w.handlers["admin.records.update"]({ kind: "motif", id: randomUUID(), change: { durationMinutes: 20 } }),
    "admin.records.remove": (w) => w.handlers["admin.records.remove"]({ kind: "motif", id: randomUUID() }),
    "admin.dialledNumbers.add": (w) => w.handlers["admin.dialledNumbers.add"]({ practiceId, number: "0144556688", label: "" }),
    "admin.dialledNumbers.remove": (w) => w.handlers["admin.dialledNumbers.remove"]({ id: randomUUID() }),
    "admin.practices.list": (w) => w.handlers["admin.practices.list"]({}),
    "admin.practices.get": (w) => w.handlers["admin.practices.get"]({ practiceId }),
    "admin.practices.daySummary": (w) => w.handlers["admin.practices.daySummary"]({ practiceId, hour: 19 }),
    "admin.practices.sms": (w) => w.handlers["admin.practices.sms"]({ practiceId }),
    "admin.practices.saveSms": (w) => w.handlers["admin.practices.saveSms"]({ practiceId, settings: DEFAULT_SMS_SETTINGS }),
    "admin.practitioners.list": (w) => w.handlers["admin.practitioners.list"]({}),
    "admin.notifications.list": (w) => w.handlers["admin.notifications.list"]({}),
    "admin.notifications.retry": (w) => w.handlers["admin.notifications.retry"]({ id: randomUUID() }),
    "admin.sms.failed": (w) => w.handlers["admin.sms.failed"]({}),
    "admin.sms.retry": (w) => w.handlers["admin.sms.retry"]({ id: randomUUID() }),
    "stats.calls": (w) => w.handlers["stats.calls"]({ from: "2026-01-01", to: "2026-01-31" }),
    "stats.sms": (w) => w.handlers["stats.sms"]({ from: "2026-01-01", to: "2026-01-31" }),
    "stats.callbacks": (w) => w.handlers["stats.callbacks"]({ from: "2026-01-01", to: "2026-01-31" }),
    "reports.activity": (w) => w.handlers["reports.activity"]({ from: "2026-01-01", to: "2026-01-31" }),
    "billing.issuer.get": (w) => w.handlers["billing.issuer.get"]({}),
    "billing.issuer.save": (w) => w.handlers["billing.issuer.save"]({ name: "A", address: "B", siren: "123456789", vatNumber: null, paymentDays: 30, latePenalty: "C" }),
    "billing.contracts.list": (w) => w.handlers["billing.contracts.list"]({ practiceId: randomUUID() }),
    "billing.contracts.save": (w) =>
      w.handlers["billing.contracts.save"]({
        practiceId: randomUUID(),
        contract: { effectiveFrom: "2026-01-01", pricing: "par_appel", pricePerCallCents: 95, monthlyFeeCents: null, includedCalls: null, extraCallCents: null, outOfHoursCents: 0, onCallMonthlyCents: 0, billableOutcomes: ["rdv_pris"], vatRateBp: 2000 },
      }),
    "billing.month": (w) => w.handlers["billing.month"]({ month: "2026-01" }),
    "billing.issue": (w) => w.handlers["billing.issue"]({ practiceId: randomUUID(), month: "2026-01" }),
    "billing.download": (w) => w.handlers["billing.download"]({ statementId: randomUUID(), format: "pdf" }),
  };
}
/** Methods that work locked: the lock itself, who is signed in, and the sync (which must keep running). */
const ALLOWED_WHILE_LOCKED: MethodName[] = [
  "workstation.status",
  // The lock screen is drawn in the core's time too.
  "clock.now",
  "session.current",
  "session.login",
  "session.lockStatus",
  "session.lock",
  "session.unlock",
  "session.activity",
  "sync.status",
  "sync.now",
];

/** A handler's failure, whether it throws at once or rejects. */
async function failureOf(call: () => unknown): Promise<{ code?: string; message?: string }> {
  try {
    await call();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error("l'appel a réussi");
}

async function lockedWorkstation(extra: { autoLockMinutes?: number } = {}) {
  const { database, fixture } = await world.database();
  const server = await world.server(database.url);
  const clock = manualClock();
  const a = await world.workstation(server.url, "secretaire", undefined, { clock, ...extra });
  return { database, fixture, server, clock, a, handlers: a.workstation.handlers };
}

describe("locking the session", () => {
  it("refuses every data method while locked, keeps syncing, and unlocks offline with the password", async () => {
    const { fixture, server, a, handlers } = await lockedWorkstation();
    const statuses: LockStatus[] = [];
    a.workstation.on("session.lockStatus", (status) => statuses.push(status));

    expect(await handlers["session.lockStatus"]({})).toMatchObject({ state: "unlocked", userName: "Camille Laurent" });
    expect(await handlers["session.lock"]({})).toEqual({
      state: "locked",
      userName: "Camille Laurent",
      attemptsLeft: MAX_UNLOCK_ATTEMPTS,
      serverCheckRequired: false,
      autoLockMinutes: 5,
    });
    expect(statuses.map((status) => status.state)).toEqual(["locked"]);

    // Enforced by the core: every data method, called straight on the handlers, is refused in French.
    const calls = dataCalls(fixture);
    expect(new Set([...Object.keys(calls), ...ALLOWED_WHILE_LOCKED])).toEqual(new Set(Object.keys(methods)));
    for (const [method, call] of Object.entries(calls)) {
      const failure = await failureOf(() => call(a.workstation));
      expect({ method, code: failure.code }).toEqual({ method, code: "locked" });
      expect(failure.message).toMatch(/^Poste verrouillé/);
    }

    // The sync keeps running: a message taken on another workstation reaches this one while locked.
    const b = await world.workstation(server.url, "secretaire2");
    const message = queuedMessage(fixture.tilleuls.practiceId, 1, "Pendant le verrouillage");
    await b.workstation.handlers["mutations.apply"]({ name: "message.create", args: message });
    await b.settled();
    await a.settled();

    // Offline: the server goes away, the password is still checked, locally.
    await server.close();
    expect(await failureOf(() => handlers["session.unlock"]({ password: "pas le bon" }))).toMatchObject({
      code: "wrong_password",
      message: "Mot de passe incorrect. Encore 4 essais avant que le serveur de l'agence doive confirmer votre mot de passe.",
    });
    expect(await handlers["session.lockStatus"]({})).toMatchObject({ state: "locked", attemptsLeft: 4 });
    expect(await handlers["session.unlock"]({ password: PASSWORD })).toMatchObject({ state: "unlocked", attemptsLeft: MAX_UNLOCK_ATTEMPTS });

    const messages = await handlers["messages.byPractice"]({ practiceId: fixture.tilleuls.practiceId, limit: 50 });
    expect(messages.map((row) => row.id)).toContain(message.id);
    // The session (token) stayed: nothing asked the server, and the user is still signed in.
    expect((await handlers["session.current"]({})).user?.name).toBe("Camille Laurent");
  });

  it("keeps a verifier of the password in the encrypted store, never the password", async () => {
    const { a } = await lockedWorkstation();
    a.workstation.close();
    const key = await keyFileProvider(join(a.dataDir, "store.key")).readKey();
    const store = openLocalStore({ path: join(a.dataDir, STORE_FILE), key: key! });
    const values = store.sqlite.prepare<[], { key: string; value: string }>("SELECT key, value FROM sync_state").all();
    store.close();
    const account = JSON.parse(values.find((row) => row.key === "unlock_account")!.value) as Record<string, unknown>;
    expect(Object.keys(account).sort()).toEqual(["login", "name", "userId", "verifier"]);
    expect(account.verifier).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(values.some((row) => row.value.includes(`"${PASSWORD}"`))).toBe(false);
    // And the file on disk is encrypted: not even the login is readable in it.
    expect(readFileSync(join(a.dataDir, STORE_FILE)).includes("secretaire")).toBe(false);
  });

  it("after five wrong passwords, only the server can unlock: refused offline, accepted when it answers", async () => {
    const { database, server, handlers } = await lockedWorkstation();
    const port = Number(new URL(server.url).port);
    await handlers["session.lock"]({});
    await server.close();

    for (let attempt = 1; attempt <= MAX_UNLOCK_ATTEMPTS; attempt++) {
      const failure = await failureOf(() => handlers["session.unlock"]({ password: `faux ${attempt}` }));
      expect(failure.code).toBe("wrong_password");
      if (attempt === MAX_UNLOCK_ATTEMPTS) expect(failure.message).toMatch(/5 fois de suite : le serveur de l'agence doit maintenant confirmer/);
    }
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "locked", attemptsLeft: 0, serverCheckRequired: true });

    // The right password no longer unlocks on its own: the server must confirm it, and it is down.
    expect(await failureOf(() => handlers["session.unlock"]({ password: PASSWORD }))).toMatchObject({
      code: "unreachable",
      message: expect.stringMatching(/^Serveur injoignable\. Après 5 mots de passe incorrects, seul le serveur/),
    });
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "locked" });

    // Back online: the server checks the password on this workstation's own session (no new device):
    // a wrong one is refused, the right one unlocks.
    await world.server(database.url, port);
    expect(await failureOf(() => handlers["session.unlock"]({ password: "toujours faux" }))).toMatchObject({
      code: "invalid_credentials",
      message: "Mot de passe incorrect.",
    });
    await expect(handlers["session.unlock"]({ password: PASSWORD })).resolves.toMatchObject({
      state: "unlocked",
      attemptsLeft: MAX_UNLOCK_ATTEMPTS,
      serverCheckRequired: false,
    });
    expect(await handlers["practices.list"]({})).toHaveLength(2);
    const sessions = await database.db.select({ deletedAt: devices.deletedAt }).from(devices);
    expect(sessions).toEqual([{ deletedAt: null }]);
    expect((await handlers["sync.now"]({})).state).toBe("online");
  });

  it("restarts locked when a session is held, with the count of wrong passwords kept", async () => {
    const { server, a, handlers } = await lockedWorkstation();
    await handlers["session.lock"]({});
    await expect(handlers["session.unlock"]({ password: "faux" })).rejects.toMatchObject({ code: "wrong_password" });
    world.close(a.workstation);
    await server.close();

    const restarted = await createWorkstation({
      dataDir: a.dataDir,
      keyProvider: keyFileProvider(join(a.dataDir, "store.key")),
      serverUrl: server.url,
      clock: manualClock(),
    });
    try {
      expect(restarted.handlers["session.lockStatus"]({})).toMatchObject({ state: "locked", userName: "Camille Laurent", attemptsLeft: 4 });
      expect(await failureOf(() => restarted.handlers["practices.list"]({}))).toMatchObject({ code: "locked" });
      // Offline, the local verifier unlocks; the session it resumes is the one kept in the store.
      await expect(restarted.handlers["session.unlock"]({ password: PASSWORD })).resolves.toMatchObject({ state: "unlocked", attemptsLeft: 5 });
      expect(await restarted.handlers["practices.list"]({})).toHaveLength(2);
    } finally {
      restarted.close();
    }
  });

  it("refuses to lock when nobody is signed in, and logs out only unlocked", async () => {
    const { handlers } = await lockedWorkstation();
    await handlers["session.lock"]({});
    await expect(failureOf(() => handlers["session.logout"]({}))).resolves.toMatchObject({ code: "locked" });
    await handlers["session.unlock"]({ password: PASSWORD });
    await handlers["session.logout"]({});
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "no_session", userName: null, serverCheckRequired: false });
    expect(await failureOf(() => handlers["session.lock"]({}))).toMatchObject({
      code: "no_session",
      message: "Aucune session n'est ouverte sur ce poste : il n'y a rien à verrouiller.",
    });
  });
});

describe("auto-lock after inactivity", () => {
  it("locks after five minutes without activity, activity postponing it", async () => {
    const { clock, a, handlers } = await lockedWorkstation();
    const statuses: string[] = [];
    a.workstation.on("session.lockStatus", (status) => statuses.push(status.state));

    clock.advance(4 * 60_000);
    await handlers["session.activity"]({});
    clock.advance(4 * 60_000);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "unlocked" });
    clock.advance(60_000 - 1);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "unlocked" });
    expect(statuses).toEqual([]);
    clock.advance(1);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "locked" });
    expect(statuses).toEqual(["locked"]);

    // Activity reported while locked changes nothing; unlocking starts a new idle period.
    await handlers["session.activity"]({});
    await handlers["session.unlock"]({ password: PASSWORD });
    clock.advance(5 * 60_000 - 1);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "unlocked" });
    clock.advance(1);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "locked" });
  });

  it("takes its delay from the machine's configuration", async () => {
    const { clock, handlers } = await lockedWorkstation({ autoLockMinutes: 2 });
    expect(handlers["session.lockStatus"]({})).toMatchObject({ autoLockMinutes: 2 });
    clock.advance(2 * 60_000);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "locked" });
  });
});
