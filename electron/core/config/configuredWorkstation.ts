import { methods, type MethodName, type SessionView, type WorkstationStatus } from "../../../shared/api/contract";
import { TelesecError } from "../../../shared/api/rpcProtocol";
import { describeMachineConfigError, type MachineConfigError } from "../../../shared/config/machineConfig";
import { dateOf, systemClock, type Clock } from "../../../shared/time/clock";
import type { Handlers } from "../rpc/rpcServer";
import type { Workstation, WorkstationOptions } from "../workstation";

/**
 * How the machine-wide configuration shapes the core, for every host (Electron's utility process,
 * the browser harness). Types only from ../workstation: the host passes `createWorkstation` in.
 */

/**
 * What starts instead of the workstation when the configuration file is wrong: no store is opened,
 * no server is contacted, `workstation.status` says which file and which fields, and every other
 * method is refused. Fixing the file and restarting is the only way on.
 */
export function configInvalidWorkstation(error: MachineConfigError, clock: Clock = systemClock): Workstation {
  const message = `${describeMachineConfigError(error)}. Corrigez le fichier puis relancez Télésec.`;
  const status: WorkstationStatus = { state: "config_invalid", file: error.file, problems: error.problems, message };
  const refuse = () => {
    throw new TelesecError("config_invalid", message);
  };
  const handlers = Object.fromEntries((Object.keys(methods) as MethodName[]).map((name) => [name, refuse])) as unknown as Handlers;
  handlers["workstation.status"] = () => status;
  // The screen that explains the file still needs the time of day.
  handlers["clock.now"] = () => ({ now: dateOf(clock).toISOString() });
  return {
    handlers,
    status: () => status,
    on: () => () => {},
    receiveTelephonyEvent: () => false,
    close: () => {},
  };
}

const SERVER_MANAGED_MESSAGE =
  "L'adresse du serveur est fixée par la configuration de ce poste : elle ne peut pas être changée ici. Adressez-vous au service informatique de l'agence.";

/**
 * A workstation whose server is set by whoever started it (the machine configuration; in development
 * `npm start` or `npm run web -- --server`): a sign-in cannot name another server (the password would
 * go there), and the session views say the address is managed, so the sign-in dialog shows it read-only.
 */
export function withManagedServer(workstation: Workstation, serverUrl: string): Workstation {
  const inner = workstation.handlers;
  const managed = (view: SessionView): SessionView => ({ ...view, serverUrlManaged: true });
  const handlers: Handlers = {
    ...inner,
    "session.current": async (args) => managed(await inner["session.current"](args)),
    "session.login": async ({ serverUrl: asked, ...credentials }) => {
      if (asked !== undefined && !sameServer(asked, serverUrl)) throw new TelesecError("server_managed", SERVER_MANAGED_MESSAGE);
      return managed(await inner["session.login"](credentials));
    },
    "session.logout": async (args) => managed(await inner["session.logout"](args)),
  };
  return { ...workstation, handlers };
}

/**
 * The workstation a host starts: the stand-in that explains a wrong configuration, or the real one,
 * its server managed when it was given one.
 */
export async function startConfiguredWorkstation(
  createWorkstation: (options: WorkstationOptions) => Promise<Workstation>,
  options: WorkstationOptions,
  configError?: MachineConfigError,
): Promise<Workstation> {
  if (configError) return configInvalidWorkstation(configError, options.clock);
  const workstation = await createWorkstation(options);
  return options.serverUrl ? withManagedServer(workstation, options.serverUrl) : workstation;
}

function sameServer(a: string, b: string): boolean {
  const normal = (url: string) => {
    try {
      return new URL(url.trim()).href.replace(/\/+$/, "");
    } catch {
      return url.trim();
    }
  };
  return normal(a) === normal(b);
}
