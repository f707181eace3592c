import { eq } from "drizzle-orm";
import { callbacks, patients, users } from "../../db/central/schema";
import { CALLBACK_STATUS_LABELS, type CallbackAttempt } from "../../shared/domain/callbacks";
import type { CentralMutationContext } from "../centralTransaction";
import { MutationRejected, type MutationArgs } from "../../shared/sync/mutations";
import { findInScope, requireInPractice, requireScope } from "../sync/mutationScope";
import { addCallback } from "./callbackRecords";

/**
 * The callbacks queue's mutations as the server judges them. The callback's row is locked
 * (findInScope's FOR UPDATE), so of fifty secretaries taking it at once exactly one finds it free;
 * the others are refused with the name of the one who has it.
 */
type Callback = typeof callbacks.$inferSelect;

async function holderName(context: CentralMutationContext, userId: string): Promise<string> {
  const [holder] = await context.tx.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return holder?.name ?? "une autre secrétaire";
}

/** The callback, still open and not held by somebody else — or why not, in French. */
async function openCallback(context: CentralMutationContext, id: string): Promise<Callback> {
  const callback = await findInScope(context, callbacks, id, "Rappel");
  if (callback.status === "fait" || callback.status === "abandonne") {
    throw new MutationRejected("invalid", `Ce rappel est déjà clos (${CALLBACK_STATUS_LABELS[callback.status].toLowerCase()}).`);
  }
  if (callback.status === "en_cours" && callback.ownerId && callback.ownerId !== context.user.id) {
    throw new MutationRejected("taken", `Ce rappel est pris par ${await holderName(context, callback.ownerId)}.`);
  }
  return callback;
}

export const callbackMutations = {
  "callback.create": async (context: CentralMutationContext, args: MutationArgs<"callback.create">): Promise<string> => {
    requireScope(context.user, args.practiceId);
    if (args.patientId) await requireInPractice(context, patients, args.patientId, args.practiceId, "Patient");
    await addCallback(context.tx, {
      id: args.id,
      practiceId: args.practiceId,
      patientId: args.patientId,
      callerName: args.callerName,
      number: args.number,
      kind: "manuel",
      sourceId: args.callId,
      reason: args.reason,
      dueAt: args.dueAt ? new Date(args.dueAt) : null,
      createdBy: context.user.id,
      now: context.now,
    });
    return args.practiceId;
  },
  "callback.take": async (context: CentralMutationContext, args: MutationArgs<"callback.take">): Promise<string> => {
    const callback = await openCallback(context, args.id);
    if (callback.ownerId !== context.user.id) {
      await context.tx.update(callbacks).set({ status: "en_cours", ownerId: context.user.id, takenAt: context.now }).where(eq(callbacks.id, args.id));
    }
    return callback.practiceId;
  },
  "callback.release": async (context: CentralMutationContext, args: MutationArgs<"callback.release">): Promise<string> => {
    const callback = await openCallback(context, args.id);
    await context.tx.update(callbacks).set({ status: "a_faire", ownerId: null, takenAt: null }).where(eq(callbacks.id, args.id));
    return callback.practiceId;
  },
  "callback.attempt": async (context: CentralMutationContext, args: MutationArgs<"callback.attempt">): Promise<string> => {
    const callback = await openCallback(context, args.id);
    const attempt: CallbackAttempt = { at: context.now.toISOString(), by: context.user.id, result: args.result, note: args.note || null };
    const reached = args.result === "joint";
    await context.tx
      .update(callbacks)
      .set({
        attempts: [...callback.attempts, attempt],
        ...(reached
          ? { status: "fait", closedAt: context.now, closedBy: context.user.id, notes: args.note || callback.notes }
          : { status: "a_faire", ownerId: null, takenAt: null }),
      })
      .where(eq(callbacks.id, args.id));
    return callback.practiceId;
  },
  "callback.close": async (context: CentralMutationContext, args: MutationArgs<"callback.close">): Promise<string> => {
    const callback = await openCallback(context, args.id);
    await context.tx
      .update(callbacks)
      .set({ status: args.status, ownerId: callback.ownerId, closedAt: context.now, closedBy: context.user.id, notes: args.note || callback.notes })
      .where(eq(callbacks.id, args.id));
    return callback.practiceId;
  },
};
