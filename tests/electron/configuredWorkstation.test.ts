import { describe, expect, it, vi } from "vitest";
import { methods, type MethodName, type SessionView } from "../../shared/api/contract";
import { TelesecError } from "../../shared/api/rpcProtocol";
import type { MachineConfigError } from "../../shared/config/machineConfig";
import { configInvalidWorkstation, startConfiguredWorkstation, withManagedServer } from "../../electron/core/config/configuredWorkstation";
import type { Handlers } from "../../electron/core/rpc/rpcServer";
import type { Workstation, WorkstationOptions } from "../../electron/core/workstation";
import { createRpcClient } from "../../shared/api/rpcClient";
import { serveRpc } from "../../electron/core/rpc/rpcServer";
import { channelPair } from "../support/channelPair";
import { manualClock } from "../support/manualClock";

const SERVER = "https://telesec.agence.fr";
const CONFIG_ERROR: MachineConfigError = {
  file: "C:\\ProgramData\\Telesec\\config.json",
  problems: [{ field: "autoLockMinutes", message: "Délai de verrouillage : 1 minute au moins" }],
};

function fakeWorkstation() {
  const session: SessionView = { user: null, serverUrl: SERVER };
  const login = vi.fn(async (_args: unknown) => session);
  const handlers = {
    "workstation.status": () => ({ state: "ready" }) as const,
    "session.current": () => session,
    "session.login": login,
    "session.logout": () => session,
  } as unknown as Handlers;
  const workstation = { handlers, status: () => ({ state: "ready" }) as const, on: () => () => {}, receiveTelephonyEvent: () => true, close: vi.fn() };
  return { workstation: workstation as Workstation, login };
}

describe("a wrong machine configuration", () => {
  it("starts nothing but a status that names the file and the fields", async () => {
    const workstation = configInvalidWorkstation(CONFIG_ERROR);
    const status = await workstation.handlers["workstation.status"]({});
    expect(status).toEqual({
      state: "config_invalid",
      file: CONFIG_ERROR.file,
      problems: CONFIG_ERROR.problems,
      message:
        "Configuration du poste invalide (C:\\ProgramData\\Telesec\\config.json) : autoLockMinutes : Délai de verrouillage : 1 minute au moins. Corrigez le fichier puis relancez Télésec.",
    });
    expect(workstation.status()).toEqual(status);
  });

  it("still tells the time, from the clock it is given: the screen that explains the file shows the day", async () => {
    const workstation = configInvalidWorkstation(CONFIG_ERROR, manualClock(Date.parse("2026-12-31T22:58:00Z")));
    expect(await workstation.handlers["clock.now"]({})).toEqual({ now: "2026-12-31T22:58:00.000Z" });
  });

  it("refuses every other method, through the RPC as the renderer sees it", async () => {
    const [coreEnd, rendererEnd] = channelPair();
    serveRpc(coreEnd, configInvalidWorkstation(CONFIG_ERROR).handlers);
    const client = createRpcClient(rendererEnd);
    expect(await client.call("workstation.status", {})).toMatchObject({ state: "config_invalid" });
    for (const method of ["practices.list", "session.current", "sync.status", "session.lockStatus"] as const satisfies readonly MethodName[]) {
      await expect(client.call(method, {})).rejects.toMatchObject({ code: "config_invalid", message: expect.stringContaining("config.json") });
    }
    expect(Object.keys(configInvalidWorkstation(CONFIG_ERROR).handlers).sort()).toEqual(Object.keys(methods).sort());
  });

  it("is what starts instead of the workstation, which is never created", async () => {
    const create = vi.fn(async (_options: WorkstationOptions) => fakeWorkstation().workstation);
    const workstation = await startConfiguredWorkstation(create, { dataDir: "/données", keyProvider: {} as never, serverUrl: SERVER }, CONFIG_ERROR);
    expect(create).not.toHaveBeenCalled();
    expect(workstation.status()).toMatchObject({ state: "config_invalid" });
  });
});

describe("a server set by the configuration", () => {
  it("is marked managed in every session view", async () => {
    const { workstation } = fakeWorkstation();
    const managed = withManagedServer(workstation, SERVER);
    expect(await managed.handlers["session.current"]({})).toEqual({ user: null, serverUrl: SERVER, serverUrlManaged: true });
    expect(await managed.handlers["session.logout"]({})).toMatchObject({ serverUrlManaged: true });
    expect(await managed.handlers["session.login"]({ login: "c.laurent", password: "x" })).toMatchObject({ serverUrlManaged: true });
  });

  it("refuses a sign-in to another server: the password never leaves for it", async () => {
    const { workstation, login } = fakeWorkstation();
    const managed = withManagedServer(workstation, SERVER);
    await expect(managed.handlers["session.login"]({ serverUrl: "https://pirate.example", login: "c.laurent", password: "x" })).rejects.toSatisfy(
      (error) => error instanceof TelesecError && error.code === "server_managed" && error.message.includes("fixée par la configuration"),
    );
    expect(login).not.toHaveBeenCalled();
  });

  it("accepts the same server however it is written, and signs in without naming it", async () => {
    const { workstation, login } = fakeWorkstation();
    const managed = withManagedServer(workstation, SERVER);
    await managed.handlers["session.login"]({ serverUrl: "https://TELESEC.agence.fr/", login: "c.laurent", password: "x" });
    expect(login).toHaveBeenCalledWith({ login: "c.laurent", password: "x" });
  });

  it("applies whenever the workstation is started with a server, and only then", async () => {
    const create = vi.fn(async (_options: WorkstationOptions) => fakeWorkstation().workstation);
    const withServer = await startConfiguredWorkstation(create, { dataDir: "/d", keyProvider: {} as never, serverUrl: SERVER });
    expect(await withServer.handlers["session.current"]({})).toMatchObject({ serverUrlManaged: true });
    const withoutServer = await startConfiguredWorkstation(create, { dataDir: "/d", keyProvider: {} as never });
    expect(await withoutServer.handlers["session.current"]({})).not.toHaveProperty("serverUrlManaged");
  });
});
