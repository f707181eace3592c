import { eq } from "drizzle-orm";
import { callbacks, calls, patients, users } from "../../db/central/schema";
import type { CallbackAttempt } from "../../shared/domain/callbacks";
import { afterAttempt, callbackStanding, takenMessage } from "../../shared/domain/callbackRules";
import type { CentralMutationContext } from "../centralTransaction";
import { MutationRejected, type MutationArgs } from "../../shared/sync/mutations";
import { findInScope, requireInPractice, requireLinksInPractice, requireScope } from "../sync/mutationScope";
import { addCallback } from "./callbackRecords";

/**
 * The callbacks queue's mutations as the server judges them. The callback's row is locked
 * (findInScope's FOR UPDATE), so of fifty secretaries taking it at once exactly one finds it free;
 * the others are refused with the name of the one who has it.
 */
type Callback = typeof callbacks.$inferSelect;

/** The callback, still open and not held by somebody else (shared/domain/callbackRules.ts) — or why not, in French. */
async function openCallback(context: CentralMutationContext, id: string): Promise<Callback> {
  const callback = await findInScope(context, callbacks, id, "Rappel");
  const standing = callbackStanding({ ...callback, takenAt: callback.takenAt?.getTime() ?? null }, context.user.id, context.now.getTime());
  if (standing.free) return callback;
  if (standing.code === "invalid") throw new MutationRejected("invalid", standing.message);
  const [holder] = await context.tx.select({ name: users.displayName }).from(users).where(eq(users.id, standing.holderId));
  throw new MutationRejected("taken", takenMessage(holder?.name ?? null));
}

export const callbackMutations = {
  "callback.create": async (context: CentralMutationContext, args: MutationArgs<"callback.create">): Promise<string> => {
    requireScope(context.user, args.practiceId);
    if (args.patientId) await requireInPractice(context, patients, args.patientId, args.practiceId, "Patient");
    if (args.callId) await requireLinksInPractice(context, calls, [args.callId], args.practiceId, "Appel");
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
    const next = afterAttempt(args.result, callback.dueAt.getTime(), context.now.getTime());
    await context.tx
      .update(callbacks)
      .set({
        attempts: [...callback.attempts, attempt],
        ...(next.status === "a_faire"
          ? { status: "a_faire", ownerId: null, takenAt: null, dueAt: new Date(next.dueAt) }
          : { status: next.status, ownerId: context.user.id, closedAt: context.now, closedBy: context.user.id, notes: args.note || callback.notes }),
      })
      .where(eq(callbacks.id, args.id));
    return callback.practiceId;
  },
  "callback.close": async (context: CentralMutationContext, args: MutationArgs<"callback.close">): Promise<string> => {
    const callback = await openCallback(context, args.id);
    await context.tx
      .update(callbacks)
      .set({ status: args.status, ownerId: context.user.id, closedAt: context.now, closedBy: context.user.id, notes: args.note || callback.notes })
      .where(eq(callbacks.id, args.id));
    return callback.practiceId;
  },
};
