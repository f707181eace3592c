import type { Handlers } from "./rpc/rpcServer";
import { dateOf, type Clock } from "../../shared/time/clock";
import { agendaRange, appointmentsOfPatient } from "./queries/agenda";
import { callsOfPatient } from "./queries/calls";
import { callbackQueue } from "./queries/callbacks";
import { callWorkspace } from "./queries/callWorkspace";
import { directivesInForce } from "./queries/directives";
import { freeSlots } from "./queries/freeSlots";
import { agreementFor, messagesByPractice } from "./queries/messages";
import { motifsOfPractice } from "./queries/motifs";
import { listPractices, practiceByDialledNumber, practiceCard } from "./queries/practices";
import { waitlistByPractice } from "./queries/waitlist";
import type { ReadyStore } from "./readyStore";
import type { ReadAction } from "./sync/readAudit";

type QueryMethod =
  | "practices.list"
  | "call.workspace"
  | "practices.byDialledNumber"
  | "practices.card"
  | "patients.byCallerNumber"
  | "patients.search"
  | "directives.inForce"
  | "messages.byPractice"
  | "messages.agreement"
  | "agenda.range"
  | "agenda.ofPatient"
  | "calls.ofPatient"
  | "agenda.motifs"
  | "waitlist.byPractice"
  | "agenda.freeSlots"
  | "callbacks.queue";

/**
 * What the secretary reads from the local copy: each method on the store open now (`store()` refuses
 * while it is locked or unreadable), patients' records on record as they are shown.
 */
export function queryHandlers(store: () => ReadyStore, clock: Clock): Pick<Handlers, QueryMethod> {
  return {
    "practices.list": () => listPractices(store().store.db),
    "call.workspace": (request) => {
      const ready = store();
      const callerPatients = (practiceId: string, number: string) => audited(ready, "patient.caller_match", practiceId, () => ready.patients.byCallerNumber(practiceId, number));
      return callWorkspace(ready.store, request, callerPatients);
    },
    "practices.byDialledNumber": ({ number }) => practiceByDialledNumber(store().store.db, number),
    "practices.card": ({ practiceId }) => practiceCard(store().store.db, practiceId),
    "patients.byCallerNumber": ({ practiceId, number }) => audited(store(), "patient.caller_match", practiceId, (ready) => ready.patients.byCallerNumber(practiceId, number)),
    "patients.search": ({ practiceId, text, limit }) => audited(store(), "patient.search", practiceId, (ready) => ready.patients.search(practiceId, text, limit)),
    "directives.inForce": ({ practiceId, at }) => directivesInForce(store().store.db, practiceId, at),
    "messages.byPractice": ({ practiceId, limit }) => messagesByPractice(store().store, practiceId, limit),
    "messages.agreement": ({ patientId, practitionerId }) => agreementFor(store().store, patientId, practitionerId),
    "agenda.range": ({ practitionerIds, from, to }) => agendaRange(store().store, practitionerIds, from, to),
    "agenda.ofPatient": ({ patientId }) => appointmentsOfPatient(store().store, patientId, dateOf(clock)),
    "calls.ofPatient": ({ patientId, exceptCallId, limit }) => callsOfPatient(store().store, patientId, limit, exceptCallId),
    "agenda.motifs": ({ practiceId }) => motifsOfPractice(store().store.db, practiceId),
    "waitlist.byPractice": ({ practiceId }) => waitlistByPractice(store().store, practiceId, dateOf(clock)),
    "agenda.freeSlots": (search) => freeSlots(store().store, search, dateOf(clock)),
    "callbacks.queue": (filter) => {
      const ready = store();
      return callbackQueue(ready.store.sqlite, ready.sync.handlers["session.current"]().user?.id ?? null, filter, dateOf(clock));
    },
  };
}

/** Patient records shown to the secretary are on record (docs/architecture.md, "Audit trail"). */
function audited<T extends { id: string }>(ready: ReadyStore, action: ReadAction, practiceId: string, read: (ready: ReadyStore) => T[]): T[] {
  const patients = read(ready);
  ready.sync.reads.record(action, practiceId, patients.map((patient) => patient.id));
  return patients;
}
