import { and, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  appointments,
  appointmentTypes,
  calls,
  messages,
  patients,
  practitioners,
  waitlistEntries,
} from "../../db/central/schema";
import { outcomeRefusal } from "../../shared/domain/appointmentOutcome";
import { checkBooking, newPatientMatters, type BookingCheck } from "../../shared/domain/bookingRules";
import { AGREEMENT_CATEGORY, NOT_A_REQUEST, agreementStanding, type AgreementStanding } from "../../shared/domain/doctorAgreement";
import type { CentralMutationContext } from "../centralTransaction";
import { isNewPatient } from "./newPatient";
import { offerFreedSlot, offerDeclinedSlot } from "./waitlistOffers";
import { MutationRejected, type MutationArgs, type MutationName } from "../../shared/sync/mutations";
import { callbackMutations } from "../callbacks/callbackMutations";
import { addCallback, closeCallbacksOf } from "../callbacks/callbackRecords";
import { callbackForDoctorAnswer } from "../callbacks/doctorAnswers";
import { findInScope, requireInPractice, requireLinksInPractice, requireScope } from "./mutationScope";

/**
 * The server's authoritative application of each mutation, inside the caller's transaction. It
 * re-checks what the client may have skipped: scope (a practice the user serves), that referenced
 * rows exist in the same practice (a patient never crosses practices), and it lets PostgreSQL's
 * own constraints (no double booking) have the last word. Returns the practices it touched, for pokes.
 */
type Apply<N extends MutationName> = (context: CentralMutationContext, args: MutationArgs<N>) => Promise<string>;

const instant = (iso: string) => new Date(iso);


/**
 * The booking rules of shared/domain/bookingRules.ts, judged here whatever the client checked:
 * hours, absences, the motif's days, hours and notice (from the server's clock), new patients.
 * Overlaps are left to PostgreSQL's exclusion constraint, the one judge of races.
 */
function enforceBookingRules(check: BookingCheck): void {
  const refusal = checkBooking(check);
  if (refusal) throw new MutationRejected(refusal.code, refusal.message);
}

/** One row to insert, once the checks that need no read have passed; its practice ("" for none) is poked. */
export interface RowInsert {
  practiceId: string;
  table: PgTable;
  values: Record<string, unknown>;
}

type PlanInsert<N extends MutationName> = (context: Omit<CentralMutationContext, "tx">, args: MutationArgs<N>) => RowInsert;

/**
 * The mutations that are a single insert whose checks read nothing: the push sends each of them
 * as one statement claiming the client's sequence (see push.ts), the most frequent writes of a call.
 */
const ROW_INSERTS = {
  "patient.create": (context, args) => {
    requireScope(context.user, args.practiceId);
    return { practiceId: args.practiceId, table: patients, values: { ...args, createdAt: context.now, updatedAt: context.now } };
  },
  "message.create": (context, args) => {
    requireScope(context.user, args.practiceId);
    return {
      practiceId: args.practiceId,
      table: messages,
      values: { ...args, status: "nouveau", createdBy: context.user.id, createdAt: context.now },
    };
  },
  "call.open": (context, args) => {
    if (args.practiceId) requireScope(context.user, args.practiceId);
    return {
      practiceId: args.practiceId ?? "",
      table: calls,
      values: { ...args, startedAt: instant(args.startedAt), userId: context.user.id, links: { appointmentIds: [], messageIds: [] } },
    };
  },
} satisfies { [N in MutationName]?: PlanInsert<N> };

type RowInsertName = keyof typeof ROW_INSERTS;

function insertRow<N extends RowInsertName>(name: N): Apply<N> {
  return async (context, args) => {
    const plan = (ROW_INSERTS[name] as PlanInsert<N>)(context, args);
    await (CHECK_REFERENCES[name] as (context: CentralMutationContext, args: MutationArgs<N>) => Promise<void>)(context, args);
    await context.tx.insert(plan.table).values(plan.values);
    return plan.practiceId;
  };
}

/** The row a single-insert mutation writes, or null for the mutations that need reads (they take a transaction). */
export function planRowInsert<N extends MutationName>(name: N, context: Omit<CentralMutationContext, "tx">, args: MutationArgs<N>): RowInsert | null {
  const plan = (ROW_INSERTS as { [K in MutationName]?: PlanInsert<K> })[name];
  if (!plan || (REFERENCES[name as RowInsertName] as (args: MutationArgs<N>) => boolean)(args)) return null;
  return plan(context, args);
}

/** Whether a single insert points at other rows: their practice must then be read (the transaction path). */
const REFERENCES: { [N in RowInsertName]: (args: MutationArgs<N>) => boolean } = {
  "patient.create": () => false,
  // A message « rappel demandé » is also a callback: a second row, so the transaction path.
  "message.create": (args) => Boolean(args.practitionerId || args.patientId || args.callId || args.request || args.category === "rappel"),
  "call.open": (args) => Boolean(args.patientId),
};

/** Where the agreement a booking cites stands, from the message as the server holds it (locked: an answer changed meanwhile waits). */
async function citedAgreement(context: CentralMutationContext, args: MutationArgs<"appointment.book">): Promise<AgreementStanding> {
  if (!args.agreementId) return "none";
  const [message] = await context.tx.select().from(messages).where(eq(messages.id, args.agreementId)).for("share");
  const inScope = message && context.user.practiceIds.includes(message.practiceId);
  return agreementStanding(inScope ? { ...message, deleted: message.deletedAt !== null } : null, args, true);
}

/** The reads REFERENCES announces, before the insert. */
const CHECK_REFERENCES: { [N in RowInsertName]: (context: CentralMutationContext, args: MutationArgs<N>) => Promise<void> } = {
  "patient.create": async () => {},
  "message.create": async (context, args) => {
    if (args.practitionerId) await requireInPractice(context, practitioners, args.practitionerId, args.practiceId, "Praticien");
    if (args.patientId) await requireInPractice(context, patients, args.patientId, args.practiceId, "Patient");
    if (args.callId) await requireLinksInPractice(context, calls, [args.callId], args.practiceId, "Appel");
    if (args.request) {
      const motif = await findInScope(context, appointmentTypes, args.request.appointmentTypeId, "Motif");
      if (motif.practitionerId !== args.practitionerId) throw new MutationRejected("not_found", "Motif introuvable pour ce praticien.");
    }
  },
  "call.open": async (context, args) => {
    if (args.patientId) await requireInPractice(context, patients, args.patientId, args.practiceId, "Patient");
  },
};

const APPLY: { [N in MutationName]: Apply<N> } = {
  "patient.create": insertRow("patient.create"),
  "patient.update": async (context, { id, ...changes }) => {
    const patient = await findInScope(context, patients, id, "Patient");
    await context.tx.update(patients).set({ ...changes, updatedAt: context.now }).where(eq(patients.id, id));
    return patient.practiceId;
  },
  "appointment.book": async (context, args) => {
    const practitioner = await findInScope(context, practitioners, args.practitionerId, "Praticien");
    const patient = await findInScope(context, patients, args.patientId, "Patient");
    const motif = await findInScope(context, appointmentTypes, args.appointmentTypeId, "Motif");
    if (patient.practiceId !== practitioner.practiceId || motif.practitionerId !== practitioner.id) {
      throw new MutationRejected("not_found", "Patient ou motif sans rapport avec ce praticien.");
    }
    enforceBookingRules({
      practitioner,
      motif,
      startAt: Date.parse(args.startAt),
      endAt: Date.parse(args.endAt),
      now: context.now.getTime(),
      newPatient: newPatientMatters(practitioner, motif) ? await isNewPatient(context.tx, patient.id, practitioner.id) : false,
      agreement: await citedAgreement(context, args),
    });
    await context.tx.insert(appointments).values({
      id: args.id,
      practiceId: practitioner.practiceId,
      practitionerId: practitioner.id,
      patientId: patient.id,
      appointmentTypeId: motif.id,
      startAt: instant(args.startAt),
      endAt: instant(args.endAt),
      status: "booked",
      notes: args.notes,
      bookedBy: context.user.id,
      channel: args.channel,
      createdAt: context.now,
    });
    return practitioner.practiceId;
  },
  "appointment.move": async (context, args) => {
    const appointment = await findInScope(context, appointments, args.id, "Rendez-vous");
    if (appointment.status !== "booked") throw new MutationRejected("invalid", "Seul un rendez-vous pris peut être déplacé.");
    const practitionerId = args.practitionerId ?? appointment.practitionerId;
    const practitioner = await findInScope(context, practitioners, practitionerId, "Praticien");
    if (practitioner.practiceId !== appointment.practiceId) throw new MutationRejected("not_found", "Praticien introuvable.");
    // The motif may since have been withdrawn: the appointment keeps it, and its rules still hold.
    const [motif] = await context.tx.select().from(appointmentTypes).where(eq(appointmentTypes.id, appointment.appointmentTypeId));
    if (motif) {
      // The patient was judged new or not when booked; a move keeps them.
      const times = { startAt: Date.parse(args.startAt), endAt: Date.parse(args.endAt), now: context.now.getTime() };
      enforceBookingRules({ practitioner, motif, ...times, newPatient: null, agreement: "none" });
    }
    await context.tx
      .update(appointments)
      .set({ practitionerId, startAt: instant(args.startAt), endAt: instant(args.endAt) })
      .where(eq(appointments.id, args.id));
    await offerFreedSlot(context, appointment);
    return appointment.practiceId;
  },
  "appointment.cancel": async (context, args) => {
    const appointment = await findInScope(context, appointments, args.id, "Rendez-vous");
    if (appointment.status !== "booked") throw new MutationRejected("invalid", "Ce rendez-vous n'est plus à venir.");
    await context.tx.update(appointments).set({ status: "cancelled", cancelReason: args.reason }).where(eq(appointments.id, args.id));
    await offerFreedSlot(context, appointment);
    return appointment.practiceId;
  },
  "appointment.setStatus": async (context, args) => {
    const appointment = await findInScope(context, appointments, args.id, "Rendez-vous");
    const refusal = outcomeRefusal(appointment, context.now);
    if (refusal) throw new MutationRejected(refusal.code, refusal.message);
    await context.tx.update(appointments).set({ status: args.status }).where(eq(appointments.id, args.id));
    return appointment.practiceId;
  },
  "message.create": async (context, args) => {
    const practiceId = await insertRow("message.create")(context, args);
    if (args.category === "rappel") {
      // The callback takes the message's id: the workstation made the same row optimistically.
      await addCallback(context.tx, {
        id: args.id,
        practiceId,
        patientId: args.patientId,
        callerName: args.callerName,
        number: args.callbackNumber,
        kind: "message",
        sourceId: args.id,
        reason: args.text,
        createdBy: context.user.id,
        now: context.now,
      });
    }
    return practiceId;
  },
  "message.setStatus": async (context, args) => {
    const message = await findInScope(context, messages, args.id, "Message");
    await context.tx.update(messages).set({ status: args.status }).where(eq(messages.id, args.id));
    // A message « rappel demandé » dealt with otherwise: its callback no longer waits (unless someone holds it).
    if (args.status === "traite") await closeCallbacksOf(context.tx, [message.id], ["message"], context.now);
    return message.practiceId;
  },
  "message.answer": async (context, args) => {
    const message = await findInScope(context, messages, args.id, "Message");
    if (message.category !== AGREEMENT_CATEGORY) throw new MutationRejected("invalid", NOT_A_REQUEST);
    const answer = { agreed: args.agreed, note: args.note || null, answeredAt: context.now.toISOString(), answeredBy: context.user.id };
    await context.tx.update(messages).set({ answer }).where(eq(messages.id, args.id));
    await callbackForDoctorAnswer(context.tx, message, { agreed: args.agreed, text: answer.note }, context.user.id, context.now);
    return message.practiceId;
  },
  "call.open": insertRow("call.open"),
  "call.close": async (context, args) => {
    const [call] = await context.tx.select().from(calls).where(and(eq(calls.id, args.id), eq(calls.userId, context.user.id))).for("update");
    if (!call) throw new MutationRejected("not_found", "Appel introuvable.");
    if (args.patientId) {
      const patient = await findInScope(context, patients, args.patientId, "Patient");
      if (patient.practiceId !== call.practiceId) throw new MutationRejected("not_found", "Patient introuvable.");
    }
    await requireLinksInPractice(context, appointments, args.links.appointmentIds, call.practiceId, "Rendez-vous");
    await requireLinksInPractice(context, messages, args.links.messageIds, call.practiceId, "Message");
    await context.tx
      .update(calls)
      .set({
        endedAt: instant(args.endedAt),
        outcome: args.outcome,
        notes: args.notes,
        links: args.links,
        ...(args.patientId !== undefined ? { patientId: args.patientId } : {}),
      })
      .where(eq(calls.id, args.id));
    return call.practiceId ?? "";
  },
  "waitlist.add": async (context, args) => {
    requireScope(context.user, args.practiceId);
    const patient = await findInScope(context, patients, args.patientId, "Patient");
    if (patient.practiceId !== args.practiceId) throw new MutationRejected("not_found", "Patient introuvable.");
    await requireInPractice(context, appointmentTypes, args.appointmentTypeId, args.practiceId, "Motif");
    for (const practitionerId of args.practitionerIds) await requireInPractice(context, practitioners, practitionerId, args.practiceId, "Praticien");
    await context.tx.insert(waitlistEntries).values({ ...args, createdBy: context.user.id, createdAt: context.now });
    return args.practiceId;
  },
  "waitlist.remove": async (context, args) => {
    const entry = await findInScope(context, waitlistEntries, args.id, "Entrée de liste d'attente");
    await context.tx.update(waitlistEntries).set({ deletedAt: context.now }).where(eq(waitlistEntries.id, args.id));
    await closeCallbacksOf(context.tx, [entry.id], ["liste_attente"], context.now);
    return entry.practiceId;
  },
  "waitlist.decline": async (context, args) => {
    const entry = await findInScope(context, waitlistEntries, args.id, "Entrée de liste d'attente");
    if (!entry.offeredSlot) return entry.practiceId;
    await context.tx.update(waitlistEntries).set({ offeredSlot: null }).where(eq(waitlistEntries.id, args.id));
    await closeCallbacksOf(context.tx, [entry.id], ["liste_attente"], context.now);
    await offerDeclinedSlot(context, entry.practiceId, entry.offeredSlot, entry.id);
    return entry.practiceId;
  },
  ...callbackMutations,
};

export function applyCentralMutation<N extends MutationName>(name: N, context: CentralMutationContext, args: MutationArgs<N>): Promise<string> {
  return (APPLY[name] as Apply<N>)(context, args);
}
