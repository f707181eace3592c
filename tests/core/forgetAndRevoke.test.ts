import { readdirSync } from "node:fs";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devices, users } from "../../db/central/schema";
import type { KeyProvider } from "../../db/local/keyProvider";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import type { FreshDatabase } from "../support/postgres";
import { STORE_FILE } from "../../electron/core/workstation";
import type { WorkstationStatus } from "../../shared/api/contract";
import { loginResponse } from "../../shared/api/wire";
import { queuedMessage } from "../support/queuedMessage";
import { useTempDirs } from "../support/tempDir";
import { eventually } from "../support/eventually";
import { PASSWORD, useSyncWorld } from "../support/syncWorld";
import { NOW } from "../support/fixtures";

/** Real PostgreSQL, real server, real encrypted stores. */
const world = useSyncWorld();
const tempDir = useTempDirs();

/** The key file provider, noting which files the data folder held each time the key was destroyed. */
function watchedKeyProvider(dataDir: string) {
  const inner = keyFileProvider(join(dataDir, "store.key"));
  const filesWhenKeyDestroyed: string[][] = [];
  const provider: KeyProvider = {
    ...inner,
    async destroyKey() {
      filesWhenKeyDestroyed.push(readdirSync(dataDir).sort());
      await inner.destroyKey();
    },
  };
  return { provider, filesWhenKeyDestroyed, readKey: () => inner.readKey() };
}

/** The old key opens nothing any more: the store on disk is a new file under a new key. */
function expectOldKeyUseless(dataDir: string, oldKey: Uint8Array): void {
  expect(() => openLocalStore({ path: join(dataDir, STORE_FILE), key: oldKey })).toThrow(/ne peut pas être déchiffrée/);
}

async function failureOf(call: () => unknown): Promise<{ code?: string; message?: string }> {
  try {
    await call();
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error("l'appel a réussi");
}

async function messagesOnServer(database: FreshDatabase, id: string): Promise<number> {
  const [row] = (await database.db.execute<{ count: string }>(sql`SELECT count(*) FROM message WHERE id = ${id}`)).rows;
  return Number(row!.count);
}

async function signedInWorkstation() {
  const { database, fixture } = await world.database();
  const server = await world.server(database.url);
  const dataDir = tempDir();
  const keys = watchedKeyProvider(dataDir);
  const a = await world.workstation(server.url, "secretaire", dataDir, { keyProvider: keys.provider });
  const oldKey = (await keys.readKey())!;
  return { database, fixture, server, a, keys, oldKey, handlers: a.workstation.handlers };
}

describe("forgetting the workstation", () => {
  it("refuses while changes are unsent, then on the secretary's word wipes store and key and starts afresh", async () => {
    const { database, fixture, server, a, keys, oldKey, handlers } = await signedInWorkstation();
    const port = Number(new URL(server.url).port);
    await server.close();
    const lost = queuedMessage(fixture.tilleuls.practiceId, 1, "Jamais envoyé");
    await handlers["mutations.apply"]({ name: "message.create", args: lost });
    await eventually(async () => expect(await handlers["sync.now"]({})).toMatchObject({ state: "offline", pendingCount: 1 }));

    expect(await failureOf(() => handlers["workstation.forget"]({ confirm: true, discardPending: false }))).toEqual(
      expect.objectContaining({
        code: "pending_changes",
        message:
          "1 modification faite sur ce poste n'est pas encore envoyée au serveur. Attendez la synchronisation (connexion au réseau), ou confirmez que vous acceptez de perdre cette modification.",
      }),
    );
    expect(keys.filesWhenKeyDestroyed).toEqual([]);
    expect(await handlers["practices.list"]({})).toHaveLength(2);

    const statuses: WorkstationStatus[] = [];
    a.workstation.on("workstation.status", (status) => statuses.push(status));
    await expect(handlers["workstation.forget"]({ confirm: true, discardPending: true })).resolves.toEqual({ state: "ready" });

    // Store, WAL, shared memory and journal were all gone before the key went; then a first start.
    expect(keys.filesWhenKeyDestroyed).toEqual([["store.key"]]);
    expect(statuses).toEqual([{ state: "ready" }]);
    expectOldKeyUseless(a.dataDir, oldKey);
    expect(await keys.readKey()).not.toEqual(oldKey);
    expect(handlers["session.current"]({})).toEqual({ user: null, serverUrl: server.url });
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "no_session", userName: null });
    expect(handlers["sync.status"]({})).toMatchObject({ state: "signed_out", pendingCount: 0, conflictCount: 0 });
    expect(await handlers["practices.list"]({})).toEqual([]);

    // A new sign-in starts from nothing: the agency comes back by sync, the abandoned message does not.
    await world.server(database.url, port);
    await handlers["session.login"]({ login: "secretaire", password: PASSWORD });
    await a.settled();
    expect(await handlers["practices.list"]({})).toHaveLength(2);
    const messages = await handlers["messages.byPractice"]({ practiceId: fixture.tilleuls.practiceId, limit: 50 });
    expect(messages.map((message) => message.id)).not.toContain(lost.id);
    expect(await messagesOnServer(database, lost.id)).toBe(0);
  });

  it("sends what is pending first when the server answers, so nothing is lost and nothing needs her word", async () => {
    const { database, fixture, server, handlers } = await signedInWorkstation();
    const port = Number(new URL(server.url).port);
    await server.close();
    const kept = queuedMessage(fixture.tilleuls.practiceId, 1, "Envoyé avant l'oubli");
    await handlers["mutations.apply"]({ name: "message.create", args: kept });
    await eventually(async () => expect(await handlers["sync.status"]({})).toMatchObject({ state: "offline", pendingCount: 1 }));
    await world.server(database.url, port);

    await expect(handlers["workstation.forget"]({ confirm: true, discardPending: false })).resolves.toEqual({ state: "ready" });
    expect(await messagesOnServer(database, kept.id)).toBe(1);
  });

  it("forgets at once when nothing is pending, and the server voids the workstation's token", async () => {
    const { database, a, keys, oldKey, handlers } = await signedInWorkstation();
    await expect(handlers["workstation.forget"]({ confirm: true, discardPending: false })).resolves.toEqual({ state: "ready" });
    expect(keys.filesWhenKeyDestroyed).toEqual([["store.key"]]);
    expectOldKeyUseless(a.dataDir, oldKey);
    expect((await handlers["session.current"]({})).user).toBeNull();
    const sessions = await database.db.select({ deletedAt: devices.deletedAt, revokedAt: devices.revokedAt }).from(devices);
    expect(sessions).toEqual([{ deletedAt: expect.any(Date), revokedAt: null }]);
  });

  it("forgets offline too, waiting only a few seconds for the server", async () => {
    const { database, server, handlers } = await signedInWorkstation();
    await server.close();
    await expect(handlers["workstation.forget"]({ confirm: true, discardPending: false })).resolves.toEqual({ state: "ready" });
    // Unreachable: the token stays valid on the server until an administrator revokes the device.
    expect(await database.db.select({ deletedAt: devices.deletedAt }).from(devices)).toEqual([{ deletedAt: null }]);
  });

  it("voids the token on the server at a logout", async () => {
    const { database, handlers } = await signedInWorkstation();
    await handlers["session.logout"]({});
    // The logout does not wait for the server; its one device row gets its end.
    await eventually(async () => expect(await database.db.select({ deletedAt: devices.deletedAt }).from(devices)).toEqual([{ deletedAt: expect.any(Date) }]));
  });
});

describe("a device revoked by the administrator", () => {
  it("wipes the local copy at once (unsent changes lost, by design), refuses data, and works again after a new sign-in", async () => {
    const { database, fixture, a, keys, oldKey, handlers } = await signedInWorkstation();
    const statuses: WorkstationStatus[] = [];
    a.workstation.on("workstation.status", (status) => statuses.push(status));

    await database.db.update(devices).set({ revokedAt: NOW });
    // A change made after the revocation: its push is what meets the 401 device_revoked.
    const lost = queuedMessage(fixture.tilleuls.practiceId, 1, "Après la révocation");
    await handlers["mutations.apply"]({ name: "message.create", args: lost });

    await eventually(() => expect(a.workstation.status()).toMatchObject({ state: "revoked" }));
    const revoked = a.workstation.status();
    expect(revoked).toEqual({
      state: "revoked",
      message:
        "Ce poste a été révoqué par l'administrateur de l'agence : ses données locales ont été effacées, y compris les modifications qui n'avaient pas encore été envoyées. Reconnectez-vous pour l'utiliser à nouveau.",
    });
    expect(statuses).toEqual([revoked]);

    // The cache files went before the key, and the store now on disk is a new, empty one.
    expect(keys.filesWhenKeyDestroyed).toEqual([["store.key"]]);
    expectOldKeyUseless(a.dataDir, oldKey);
    for (const call of [
      () => handlers["practices.list"]({}),
      () => handlers["patients.search"]({ practiceId: fixture.tilleuls.practiceId, text: "hel", limit: 20 }),
      () => handlers["mutations.apply"]({ name: "message.create", args: queuedMessage(fixture.tilleuls.practiceId, 2) }),
    ]) {
      expect(await failureOf(call)).toEqual(expect.objectContaining({ code: "revoked", message: revoked.state === "revoked" ? revoked.message : "" }));
    }
    expect((await handlers["session.current"]({})).user).toBeNull();
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "no_session" });
    expect(await messagesOnServer(database, lost.id)).toBe(0);

    // A new sign-in (a new device for the server) brings the workstation back, refilled from the server.
    await handlers["session.login"]({ login: "secretaire", password: PASSWORD });
    expect(a.workstation.status()).toEqual({ state: "ready" });
    await a.settled();
    expect(await handlers["practices.list"]({})).toHaveLength(2);
    const messages = await handlers["messages.byPractice"]({ practiceId: fixture.tilleuls.practiceId, limit: 50 });
    expect(messages.map((message) => message.id)).not.toContain(lost.id);
  });

  it("learns it at once from its socket, closed by the server when the administration revokes it, with nothing to push", async () => {
    const { database, server, a } = await signedInWorkstation();
    const [device] = await database.db.select({ id: devices.id }).from(devices);
    await database.db.update(users).set({ role: "admin" }).where(eq(users.login, "secretaire2"));
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ login: "secretaire2", password: PASSWORD, deviceName: "Poste de l'administrateur" }),
    });
    const admin = loginResponse.parse(await login.json());
    const revoked = await fetch(`${server.url}/api/v1/admin/devices/${device!.id}/revoke`, { method: "POST", headers: { authorization: `Bearer ${admin.token}` } });
    expect(revoked.status).toBe(200);
    // No change made here and the periodic pull a minute away: only the socket's close can tell it.
    await eventually(() => expect(a.workstation.status()).toMatchObject({ state: "revoked" }), 10_000);
  });

  it("wipes a locked workstation too, without waiting for its password", async () => {
    const { database, a, keys, handlers } = await signedInWorkstation();
    await handlers["session.lock"]({});
    await database.db.update(devices).set({ revokedAt: NOW });
    await handlers["sync.now"]({});
    await eventually(() => expect(a.workstation.status()).toMatchObject({ state: "revoked" }));
    expect(keys.filesWhenKeyDestroyed).toEqual([["store.key"]]);
    expect(handlers["session.lockStatus"]({})).toMatchObject({ state: "no_session" });
  });
});

