import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { callbacks, patients, practices, practitioners } from "../../db/central/schema";
import { callbackDueAt } from "../../shared/domain/callbackDue";
import { DEALT_WITH_NOTE, delayFor } from "../../shared/domain/callbacks";
import type { CallbackKind } from "../../shared/domain/enums";
import { patientDisplayName } from "../../shared/domain/patientDisplayName";
import type { CentralTx } from "../centralTransaction";
import type { CentralDb } from "../context";

/**
 * The one way the server adds someone to call back, whatever owes the call (a message « rappel
 * demandé », a waitlist offer, a refused booking, a doctor's answer, a failed reminder, a secretary):
 * due by the practice's rule for its kind, counted in its practitioners' hours. An id already there is
 * left as it is, so the same source cannot make two.
 */
export interface NewCallback {
  /** Given when the source fixes it (a message's callback takes the message's id); otherwise a new one. */
  id?: string;
  practiceId: string;
  patientId: string | null;
  /** Needed without a patient; with one, their name as the card shows it. */
  callerName?: string;
  /** Without one (absent or null), the patient's first number. */
  number?: string | null;
  kind: CallbackKind;
  sourceId: string | null;
  reason: string;
  /** A time set by hand; otherwise the kind's rule. */
  dueAt?: Date | null;
  createdBy: string | null;
  now: Date;
}

export async function addCallback(tx: CentralTx | CentralDb, callback: NewCallback): Promise<string> {
  const id = callback.id ?? randomUUID();
  // A waitlist entry holds one offer at a time: a new one (the last one's slot booked meanwhile) replaces
  // the call still to make about the old slot, which is no longer free.
  if (callback.kind === "liste_attente" && callback.sourceId) await closeCallbacksOf(tx, [callback.sourceId], ["liste_attente"], callback.now, SUPERSEDED_OFFER);
  const patient = callback.patientId ? (await tx.select().from(patients).where(eq(patients.id, callback.patientId)))[0] : undefined;
  const dueAt = callback.dueAt ?? new Date(await ruleDueAt(tx, callback.practiceId, callback.kind, callback.now));
  await tx
    .insert(callbacks)
    .values({
      id,
      practiceId: callback.practiceId,
      patientId: callback.patientId,
      callerName: callback.callerName ?? (patient ? patientDisplayName(patient) : "Patient"),
      number: callback.number ?? patient?.phones[0] ?? null,
      kind: callback.kind,
      sourceId: callback.sourceId,
      reason: callback.reason.slice(0, 500),
      dueAt,
      status: "a_faire",
      attempts: [],
      createdBy: callback.createdBy,
      createdAt: callback.now,
    })
    .onConflictDoNothing({ target: callbacks.id });
  return id;
}

/** When a callback of this kind made now is due: the practice's rule, in its practitioners' hours. */
async function ruleDueAt(tx: CentralTx | CentralDb, practiceId: string, kind: CallbackKind, now: Date): Promise<number> {
  const [practice] = await tx.select({ delays: practices.callbackDelays }).from(practices).where(eq(practices.id, practiceId));
  const hours = await tx
    .select({ workingHours: practitioners.workingHours })
    .from(practitioners)
    .where(and(eq(practitioners.practiceId, practiceId), isNull(practitioners.deletedAt)));
  return callbackDueAt(now.getTime(), delayFor(practice?.delays ?? null, kind), hours.flatMap((row) => row.workingHours));
}

const SUPERSEDED_OFFER = "Plus à rappeler : ce créneau n'est plus libre, un autre est proposé au patient.";

/**
 * A source that no longer owes the call (the waitlist offer declined or booked, the message dealt
 * with): its callbacks still waiting are closed, never one a secretary holds.
 */
export async function closeCallbacksOf(tx: CentralTx | CentralDb, sourceIds: readonly string[], kinds: readonly CallbackKind[], now: Date, note = DEALT_WITH_NOTE): Promise<void> {
  if (sourceIds.length === 0) return;
  await tx
    .update(callbacks)
    .set({ status: "fait", closedAt: now, notes: sql`coalesce(${callbacks.notes}, ${note})` })
    .where(and(inArray(callbacks.sourceId, [...sourceIds]), inArray(callbacks.kind, [...kinds]), eq(callbacks.status, "a_faire"), isNull(callbacks.deletedAt)));
}
