import type { ConflictView, PendingChangeView, SessionView, SyncStatus } from "../../shared/api/contract";
import { IDS } from "./fixtures";

/**
 * The workstation's link to the agency server as the core reports it: a signed-in secretary, the
 * connection in each state, and requests the server refused. Valid against the contract schemas.
 */
export const SERVER_URL = "https://agence.exemple.fr";

export const camille: SessionView = {
  user: {
    id: "40000000-0000-4000-8000-000000000001",
    name: "Camille Laurent",
    role: "secretary",
    practiceIds: [IDS.tilleuls, IDS.gare],
  },
  serverUrl: SERVER_URL,
};

export function syncStatus(change: Partial<SyncStatus> = {}): SyncStatus {
  return { state: "online", pendingCount: 0, conflictCount: 0, lastSyncAt: null, serverUrl: SERVER_URL, problem: null, ...change };
}

export const refusedBooking: ConflictView = {
  id: "50000000-0000-4000-8000-000000000001",
  seq: 4,
  name: "appointment.book",
  args: {
    id: "60000000-0000-4000-8000-000000000001",
    practitionerId: IDS.drMartin,
    patientId: IDS.heleneDurand,
    appointmentTypeId: "70000000-0000-4000-8000-000000000001",
    // 10:00 in Paris (UTC+1 in November).
    startAt: "2026-11-24T09:00:00.000Z",
    endAt: "2026-11-24T09:20:00.000Z",
    notes: "Vient avec son carnet de vaccination",
    channel: "telephone",
    agreementId: null,
  },
  errorCode: "slot_taken",
  errorMessage: "Ce créneau vient d'être pris par un autre poste.",
  rejectedAt: "2026-11-23T09:05:00.000Z",
  subject: { patient: "DURAND Hélène", phone: "+33612345678", practitioner: "Dr Claire Martin", practice: "Cabinet médical des Tilleuls" },
};

export const refusedMessage: ConflictView = {
  id: "50000000-0000-4000-8000-000000000002",
  seq: 7,
  name: "message.create",
  args: {
    id: "60000000-0000-4000-8000-000000000002",
    practiceId: IDS.tilleuls,
    practitionerId: IDS.drDupont,
    patientId: null,
    callId: null,
    callerName: "Marc Lefèvre",
    callbackNumber: "+33698765432",
    category: "resultats",
    urgency: "normale",
    text: "Souhaite avoir ses résultats de prise de sang.",
  },
  errorCode: "forbidden",
  errorMessage: "Ce cabinet n'est plus servi par votre compte.",
  rejectedAt: "2026-11-23T14:30:00.000Z",
  subject: { patient: "Marc Lefèvre", phone: "+33698765432", practitioner: null, practice: "Cabinet médical des Tilleuls" },
};

/** A cancellation made offline and not yet sent, as `sync.pending` lists it. */
export const unsentCancellation: PendingChangeView = {
  seq: 3,
  name: "appointment.cancel",
  args: { id: "60000000-0000-4000-8000-000000000009", reason: "Empêchement" },
  madeAt: "2031-11-20T08:55:00.000Z",
  subject: { patient: "DURAND Hélène", phone: "+33612345678", practitioner: "Dr Claire Martin", practice: "Cabinet médical des Tilleuls" },
};
