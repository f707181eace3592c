import type {
  EventName,
  EventPayload,
  LockStatus,
  ReplicaChanged,
  MethodInput,
  MethodName,
  MethodOutput,
  SyncStatus,
  TelephonyEvent,
  TelesecBridge,
  WorkstationStatus,
} from "../../../shared/api/contract";
import type { MutationInput, MutationName } from "../../../shared/sync/mutations";
import { TelesecError } from "../../../shared/api/rpcProtocol";

/**
 * The only code that touches `window.telesec`. Everything else in the renderer goes through
 * these typed functions, so the bridge can be faked in tests and swapped in the browser harness.
 */
declare global {
  interface Window {
    telesec: TelesecBridge;
  }
}

export const BRIDGE_MISSING_MESSAGE = "Le poste n'est pas connecté à son moteur local.";

/** The preload may have failed, or the page was opened outside the app: the bridge is then absent. */
function findBridge(): TelesecBridge | undefined {
  return (window as { telesec?: TelesecBridge }).telesec;
}

export function isBridgeAvailable(): boolean {
  return findBridge() !== undefined;
}

function bridge(): TelesecBridge {
  const found = findBridge();
  if (!found) throw new TelesecError("bridge_missing", BRIDGE_MISSING_MESSAGE);
  return found;
}

export const telesec = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return bridge().call(method, input);
  },

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge().on(event, listener);
  },

  workstationStatus: () => telesec.call("workstation.status", {}),

  resetAndResync: () => telesec.call("workstation.resetAndResync", { confirm: true }),

  onWorkstationStatus: (listener: (status: WorkstationStatus) => void) => telesec.on("workstation.status", listener),

  /** "Oublier ce poste": only after the secretary confirmed (and, with unsent changes, accepted losing them). */
  forgetWorkstation: (discardPending: boolean) => telesec.call("workstation.forget", { confirm: true, discardPending }),

  lockStatus: () => telesec.call("session.lockStatus", {}),

  lock: () => telesec.call("session.lock", {}),

  unlock: (password: string) => telesec.call("session.unlock", { password }),

  /** The secretary is at the keyboard: postpones the auto-lock (sent at most every 30 s). */
  reportActivity: () => telesec.call("session.activity", {}),

  onLockStatus: (listener: (status: LockStatus) => void) => telesec.on("session.lockStatus", listener),

  listPractices: () => telesec.call("practices.list", {}),

  practiceByDialledNumber: (number: string) => telesec.call("practices.byDialledNumber", { number }),

  practiceCard: (practiceId: string) => telesec.call("practices.card", { practiceId }),

  patientsByCallerNumber: (practiceId: string, number: string) =>
    telesec.call("patients.byCallerNumber", { practiceId, number }),

  searchPatients: (practiceId: string, text: string, limit = 20) =>
    telesec.call("patients.search", { practiceId, text, limit }),

  directivesInForce: (practiceId: string, at: Date) =>
    telesec.call("directives.inForce", { practiceId, at: at.toISOString() }),

  appointmentsOfPatient: (patientId: string) => telesec.call("agenda.ofPatient", { patientId }),

  agendaRange: (practitionerIds: string[], from: string, to: string) =>
    telesec.call("agenda.range", { practitionerIds, from, to }),

  /** The next free slots of a practice's practitioners (each one's everyday motif unless one is given). */
  freeSlots: (search: MethodInput<"agenda.freeSlots">) => telesec.call("agenda.freeSlots", search),

  callWorkspace: (request: MethodInput<"call.workspace">) => telesec.call("call.workspace", request),
  messagesByPractice: (practiceId: string, limit = 50) => telesec.call("messages.byPractice", { practiceId, limit }),
  agreement: (patientId: string, practitionerId: string) => telesec.call("messages.agreement", { patientId, practitionerId }),

  /** Applies a change at once on this workstation and queues it for the server (works offline). */
  applyMutation: <N extends MutationName>(name: N, args: MutationInput<N>) => telesec.call("mutations.apply", { name, args }),

  onTelephony: (listener: (event: TelephonyEvent) => void) => telesec.on("call.telephony", listener),

  /** A sync changed the local copy: which tables. */
  onReplicaChanged: (listener: (change: ReplicaChanged) => void) => telesec.on("replica.changed", listener),

  currentSession: () => telesec.call("session.current", {}),

  login: (credentials: MethodInput<"session.login">) => telesec.call("session.login", credentials),

  logout: () => telesec.call("session.logout", {}),

  syncStatus: () => telesec.call("sync.status", {}),

  onSyncStatus: (listener: (status: SyncStatus) => void) => telesec.on("sync.status", listener),

  listConflicts: () => telesec.call("conflicts.list", {}),

  listPendingChanges: () => telesec.call("sync.pending", {}),

  clearConflict: (id: string) => telesec.call("conflicts.clear", { id }),
};

/**
 * What to show the secretary when a call fails. Errors lose their class crossing the Electron
 * context bridge, so the message (French, from the core) is all that reliably arrives.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  return "Erreur inattendue, veuillez réessayer.";
}
