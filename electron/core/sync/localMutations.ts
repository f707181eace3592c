import type { LocalMutationContext } from "./localMutationContext";
import { rawToWire, wireToRaw, type WireRow } from "../../../db/local/rowCodec";
import type { SyncedTable } from "../../../shared/api/wire";
import { checkBooking, newPatientMatters, type BookingMotif, type BookingPractitioner } from "../../../shared/domain/bookingRules";
import { MutationRejected, type MutationArgs, type MutationName } from "../../../shared/sync/mutations";
import { isNewPatient } from "../queries/newPatient";
import { localCallbackMutations, newCallbackRow } from "./localCallbacks";
import { DEALT_WITH_NOTE } from "../../../shared/domain/callbacks";
import { outcomeRefusal } from "../../../shared/domain/appointmentOutcome";
import { AGREEMENT_CATEGORY, NOT_A_REQUEST, agreementStanding, type AgreementAnswer, type AgreementStanding } from "../../../shared/domain/doctorAgreement";

/**
 * The workstation's optimistic application of each mutation: the same effect the server will have,
 * written at once so the secretary sees it, through a row store that records what each row was
 * before (the undo log kept with the outbox entry).
 */

type Apply<N extends MutationName> = (context: LocalMutationContext, args: MutationArgs<N>) => void;

function existing(context: LocalMutationContext, table: SyncedTable, id: string, what: string): WireRow {
  const raw = context.rows.get(table, id);
  if (!raw || raw.deleted_at !== null) throw new MutationRejected("not_found", `${what} introuvable sur ce poste.`);
  return rawToWire(table, raw);
}

function write(context: LocalMutationContext, table: SyncedTable, row: WireRow): void {
  context.rows.put(table, wireToRaw(table, row));
}

function change(context: LocalMutationContext, table: SyncedTable, id: string, what: string, changes: Record<string, unknown>): WireRow {
  const row = existing(context, table, id, what);
  write(context, table, { ...row, ...changes });
  return row;
}

const fresh = { version: 0, deletedAt: null };

/** As the server does: an offer gone, its callbacks still waiting go with it (never one a secretary holds). */
function closeOfferCallbacks(context: LocalMutationContext, entryId: string): void {
  const waiting = context.sqlite
    .prepare<[string], string>("SELECT id FROM callback WHERE source_id = ? AND kind = 'liste_attente' AND status = 'a_faire' AND deleted_at IS NULL")
    .pluck()
    .all(entryId);
  for (const id of waiting) {
    const callback = existing(context, "callback", id, "Rappel");
    write(context, "callback", { ...callback, status: "fait", closedAt: context.now, notes: callback.notes ?? DEALT_WITH_NOTE });
  }
}

const APPLY: { [N in MutationName]: Apply<N> } = {
  "patient.create": (context, args) => {
    existing(context, "practice", args.practiceId, "Cabinet");
    write(context, "patient", { ...fresh, ...args, createdAt: context.now, updatedAt: context.now });
  },
  "patient.update": (context, { id, ...changes }) => {
    change(context, "patient", id, "Patient", { ...changes, updatedAt: context.now });
  },
  "appointment.book": (context, args) => {
    const practitioner = existing(context, "practitioner", args.practitionerId, "Praticien");
    write(context, "appointment", {
      ...fresh,
      id: args.id,
      practiceId: practitioner.practiceId,
      practitionerId: args.practitionerId,
      patientId: args.patientId,
      appointmentTypeId: args.appointmentTypeId,
      startAt: args.startAt,
      endAt: args.endAt,
      status: "booked",
      cancelReason: null,
      notes: args.notes,
      bookedBy: context.userId,
      channel: args.channel,
      createdAt: context.now,
    });
  },
  "appointment.move": (context, args) => {
    const current = existing(context, "appointment", args.id, "Rendez-vous");
    change(context, "appointment", args.id, "Rendez-vous", {
      practitionerId: args.practitionerId ?? current.practitionerId,
      startAt: args.startAt,
      endAt: args.endAt,
    });
  },
  "appointment.cancel": (context, args) => {
    change(context, "appointment", args.id, "Rendez-vous", { status: "cancelled", cancelReason: args.reason });
  },
  "appointment.setStatus": (context, args) => {
    const current = existing(context, "appointment", args.id, "Rendez-vous");
    const refusal = outcomeRefusal({ status: String(current.status), startAt: String(current.startAt) }, context.now);
    if (refusal) throw new MutationRejected(refusal.code, refusal.message);
    change(context, "appointment", args.id, "Rendez-vous", { status: args.status });
  },
  "message.create": (context, args) => {
    write(context, "message", { ...fresh, ...args, status: "nouveau", createdBy: context.userId, createdAt: context.now, answer: null });
    // The same row the server makes (the message's id): the queue shows it at once, offline too. Replayed
    // after a pull that brought the server's (taken meanwhile, perhaps), that one stands.
    if (args.category === "rappel" && !context.rows.get("callback", args.id)) {
      const { id, practiceId, patientId, callerName, callbackNumber, text } = args;
      write(context, "callback", newCallbackRow(context, { id, practiceId, patientId, callerName, number: callbackNumber, kind: "message", sourceId: id, reason: text, dueAt: null }));
    }
  },
  "message.answer": (context, args) => {
    const message = existing(context, "message", args.id, "Message");
    if (message.category !== AGREEMENT_CATEGORY) throw new MutationRejected("invalid", NOT_A_REQUEST);
    change(context, "message", args.id, "Message", { answer: { agreed: args.agreed, note: args.note || null, answeredAt: context.now, answeredBy: context.userId } });
  },
  "message.setStatus": (context, args) => {
    change(context, "message", args.id, "Message", { status: args.status });
    // As the server does: the message's own callback, still waiting, goes with it.
    const callback = args.status === "traite" ? context.rows.get("callback", args.id) : undefined;
    if (callback && callback.status === "a_faire" && callback.kind === "message" && callback.deleted_at === null) {
      change(context, "callback", args.id, "Rappel", { status: "fait", closedAt: context.now, notes: callback.notes ?? DEALT_WITH_NOTE });
    }
  },
  "call.open": (context, args) => {
    write(context, "call", {
      ...fresh,
      ...args,
      userId: context.userId,
      answeredAt: null,
      endedAt: null,
      outcome: null,
      notes: null,
      links: { appointmentIds: [], messageIds: [] },
    });
  },
  "call.close": (context, { id, patientId, ...closing }) => {
    // A call the telephony link popped was recorded by the server: its row may not have reached
    // this replica yet. The close is then queued without a local effect; the server applies it,
    // and if a pull brings the row first, the pending close is re-applied on top of it.
    if (!context.rows.get("call", id)) return;
    const call = existing(context, "call", id, "Appel");
    if (patientId) {
      const patient = existing(context, "patient", patientId, "Patient");
      if (call.practiceId !== patient.practiceId) throw new MutationRejected("not_found", "Patient introuvable dans le cabinet de cet appel.");
    }
    write(context, "call", { ...call, ...closing, ...(patientId !== undefined ? { patientId } : {}) });
  },
  "waitlist.add": (context, args) => {
    write(context, "waitlist_entry", { ...fresh, ...args, createdBy: context.userId, createdAt: context.now, offeredSlot: null });
  },
  "waitlist.remove": (context, args) => {
    change(context, "waitlist_entry", args.id, "Entrée de liste d'attente", { deletedAt: context.now });
    closeOfferCallbacks(context, args.id);
  },
  // The offer goes at once here; the server's offer of that slot to the next patient comes by pull.
  "waitlist.decline": (context, args) => {
    change(context, "waitlist_entry", args.id, "Entrée de liste d'attente", { offeredSlot: null });
    closeOfferCallbacks(context, args.id);
  },
  ...localCallbackMutations({ existing, write }),
};

export function applyLocalMutation<N extends MutationName>(name: N, context: LocalMutationContext, args: MutationArgs<N>): void {
  (APPLY[name] as Apply<N>)(context, args);
}

/**
 * Checks made when the secretary acts, before anything is queued: what this workstation can
 * already tell will fail — the booking rules of shared/domain/bookingRules.ts on the replica's
 * rows (offline too), and an overlap with an appointment it knows. The server checks again; a race
 * another workstation wins still ends in the conflict inbox.
 */
export function checkLocalMutation<N extends MutationName>(name: N, context: LocalMutationContext, args: MutationArgs<N>): void {
  if (name !== "appointment.book" && name !== "appointment.move") return;
  const booking = args as MutationArgs<"appointment.book" | "appointment.move">;
  const current = name === "appointment.move" ? existing(context, "appointment", booking.id, "Rendez-vous") : null;
  const practitionerId =
    "practitionerId" in booking && booking.practitionerId ? booking.practitionerId : (current?.practitionerId as string);
  const overlapping = context.sqlite
    .prepare(
      `SELECT 1 FROM appointment WHERE practitioner_id = ? AND status = 'booked' AND deleted_at IS NULL
         AND id <> ? AND start_at < ? AND end_at > ? LIMIT 1`,
    )
    .get(practitionerId, booking.id, Date.parse(booking.endAt), Date.parse(booking.startAt));

  const practitioner = existing(context, "practitioner", practitionerId, "Praticien") as WireRow & BookingPractitioner;
  const book = name === "appointment.book" ? (args as MutationArgs<"appointment.book">) : null;
  const motifId = book ? book.appointmentTypeId : (current?.appointmentTypeId as string);
  const motifRaw = context.rows.get("appointment_type", motifId);
  // A move keeps its motif even once withdrawn (its rules still hold); a booking needs a live one.
  const motif = motifRaw && (!book || motifRaw.deleted_at === null) ? (rawToWire("appointment_type", motifRaw) as WireRow & BookingMotif & { practitionerId: string }) : null;
  if (book && (!motif || motif.practitionerId !== practitionerId)) throw new MutationRejected("not_found", "Motif introuvable pour ce praticien sur ce poste.");

  const refusal = motif
    ? checkBooking({
        practitioner,
        motif,
        startAt: Date.parse(booking.startAt),
        endAt: Date.parse(booking.endAt),
        now: Date.parse(context.now),
        // Only a booking is judged on the patient's being new; a move keeps its patient.
        newPatient: book ? newPatientMatters(practitioner, motif) && isNewPatient(context.sqlite, book.patientId, practitionerId) : null,
        agreement: book ? citedAgreement(context, book) : "none",
        slotTaken: overlapping !== undefined,
      })
    : overlapping
      ? { code: "slot_taken" as const, message: "Ce créneau est déjà pris." }
      : null;
  if (refusal) throw new MutationRejected(refusal.code, refusal.message);
}

/** Where the agreement a booking cites stands, from the message as this workstation holds it. */
function citedAgreement(context: LocalMutationContext, book: MutationArgs<"appointment.book">): AgreementStanding {
  const raw = book.agreementId ? context.rows.get("message", book.agreementId) : null;
  const message = raw ? rawToWire("message", raw) : null;
  return agreementStanding(
    message && {
      category: String(message.category),
      practitionerId: message.practitionerId as string | null,
      patientId: message.patientId as string | null,
      answer: message.answer as AgreementAnswer | null,
      deleted: message.deletedAt !== null,
    },
    book,
    book.agreementId !== null,
  );
}
