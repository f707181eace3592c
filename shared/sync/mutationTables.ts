import type { SyncedTable } from "../api/wire";
import type { MutationName } from "./mutations";

/** The table each mutation writes: what a push (or its refusal, which takes the change back) may have changed. */
export const MUTATION_TABLES: Record<MutationName, SyncedTable> = {
  "patient.create": "patient",
  "patient.update": "patient",
  "appointment.book": "appointment",
  "appointment.move": "appointment",
  "appointment.cancel": "appointment",
  "appointment.setStatus": "appointment",
  "message.create": "message",
  "message.setStatus": "message",
  "message.answer": "message",
  "call.open": "call",
  "call.close": "call",
  "waitlist.add": "waitlist_entry",
  "waitlist.remove": "waitlist_entry",
  "waitlist.decline": "waitlist_entry",
  "callback.create": "callback",
  "callback.take": "callback",
  "callback.release": "callback",
  "callback.attempt": "callback",
  "callback.close": "callback",
};

/** Rows a mutation writes beside its own table's: a message « rappel demandé » is also a callback. */
export const MUTATION_SIDE_TABLES: Partial<Record<MutationName, SyncedTable>> = {
  "message.create": "callback",
};
