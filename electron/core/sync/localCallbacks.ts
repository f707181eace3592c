import { callbackDueAt } from "../../../shared/domain/callbackDue";
import { callbackDelays, delayFor, type CallbackAttempt } from "../../../shared/domain/callbacks";
import { afterAttempt, callbackStanding, takenMessage } from "../../../shared/domain/callbackRules";
import type { CallbackKind, CallbackStatus } from "../../../shared/domain/enums";
import { weeklyHours } from "../../../shared/domain/schedules";
import { MutationRejected, type MutationArgs } from "../../../shared/sync/mutations";
import type { WireRow } from "../../../db/local/rowCodec";
import type { SyncedTable } from "../../../shared/api/wire";
import type { LocalMutationContext } from "./localMutationContext";

/**
 * The callbacks queue's mutations as this workstation applies them at once (the server judges them
 * again: a callback taken here while offline may turn out to be someone else's on reconnection, and
 * the refusal then says whose). Rows are read and written through the context's row store, so the
 * undo log takes them back like any change.
 */
interface Rows {
  existing(context: LocalMutationContext, table: SyncedTable, id: string, what: string): WireRow;
  write(context: LocalMutationContext, table: SyncedTable, row: WireRow): void;
}

/** When a callback of this kind made now is due here: the same rule and hours the server reads. */
export function localDueAt(context: LocalMutationContext, practiceId: string, kind: CallbackKind): string {
  const delays = context.sqlite.prepare<[string], string | null>("SELECT callback_delays FROM practice WHERE id = ?").pluck().get(practiceId);
  const parsedDelays = delays ? callbackDelays.safeParse(JSON.parse(delays)) : null;
  const hours = context.sqlite
    .prepare<[string], string>("SELECT working_hours FROM practitioner WHERE practice_id = ? AND deleted_at IS NULL")
    .pluck()
    .all(practiceId)
    .flatMap((text) => weeklyHours.safeParse(JSON.parse(text)).data ?? []);
  return new Date(callbackDueAt(Date.parse(context.now), delayFor(parsedDelays?.success ? parsedDelays.data : null, kind), hours)).toISOString();
}

export function newCallbackRow(
  context: LocalMutationContext,
  callback: { id: string; practiceId: string; patientId: string | null; callerName: string; number: string | null; kind: CallbackKind; sourceId: string | null; reason: string; dueAt: string | null },
): WireRow {
  return {
    version: 0,
    deletedAt: null,
    ...callback,
    // Without a number left, the patient's first, as the server does.
    number: callback.number ?? (callback.patientId ? patientFirstPhone(context, callback.patientId) : null),
    reason: callback.reason.slice(0, 500),
    dueAt: callback.dueAt ?? localDueAt(context, callback.practiceId, callback.kind),
    status: "a_faire",
    ownerId: null,
    takenAt: null,
    attempts: [],
    notes: null,
    createdBy: context.userId,
    createdAt: context.now,
    closedAt: null,
    closedBy: null,
  };
}

function patientFirstPhone(context: LocalMutationContext, patientId: string): string | null {
  const phones = context.sqlite.prepare<[string], string>("SELECT phones FROM patient WHERE id = ?").pluck().get(patientId);
  const first: unknown = phones ? (JSON.parse(phones) as unknown[])[0] : null;
  return typeof first === "string" ? first : null;
}

/** Open, and not held by someone else as far as this copy knows. */
function openCallback(rows: Rows, context: LocalMutationContext, id: string): WireRow {
  const callback = rows.existing(context, "callback", id, "Rappel");
  const held = { status: callback.status as CallbackStatus, ownerId: callback.ownerId as string | null, takenAt: callback.takenAt ? Date.parse(String(callback.takenAt)) : null };
  const standing = callbackStanding(held, context.userId, Date.parse(context.now));
  if (standing.free) return callback;
  if (standing.code === "invalid") throw new MutationRejected("invalid", standing.message);
  const holder = context.sqlite.prepare<[string], string>('SELECT display_name FROM "user" WHERE id = ?').pluck().get(standing.holderId);
  throw new MutationRejected("taken", takenMessage(holder ?? null));
}

export function localCallbackMutations(rows: Rows) {
  return {
    "callback.create": (context: LocalMutationContext, args: MutationArgs<"callback.create">) => {
      rows.existing(context, "practice", args.practiceId, "Cabinet");
      const { callId, ...rest } = args;
      rows.write(context, "callback", newCallbackRow(context, { ...rest, kind: "manuel", sourceId: callId }));
    },
    "callback.take": (context: LocalMutationContext, args: MutationArgs<"callback.take">) => {
      const callback = openCallback(rows, context, args.id);
      rows.write(context, "callback", { ...callback, status: "en_cours", ownerId: context.userId, takenAt: context.now });
    },
    "callback.release": (context: LocalMutationContext, args: MutationArgs<"callback.release">) => {
      const callback = openCallback(rows, context, args.id);
      rows.write(context, "callback", { ...callback, status: "a_faire", ownerId: null, takenAt: null });
    },
    "callback.attempt": (context: LocalMutationContext, args: MutationArgs<"callback.attempt">) => {
      const callback = openCallback(rows, context, args.id);
      const attempt: CallbackAttempt = { at: context.now, by: context.userId, result: args.result, note: args.note || null };
      const attempts = [...(callback.attempts as CallbackAttempt[]), attempt];
      const next = afterAttempt(args.result, Date.parse(String(callback.dueAt)), Date.parse(context.now));
      rows.write(
        context,
        "callback",
        next.status === "a_faire"
          ? { ...callback, attempts, status: "a_faire", ownerId: null, takenAt: null, dueAt: new Date(next.dueAt).toISOString() }
          : { ...callback, attempts, status: next.status, ownerId: context.userId, closedAt: context.now, closedBy: context.userId, notes: args.note || callback.notes },
      );
    },
    "callback.close": (context: LocalMutationContext, args: MutationArgs<"callback.close">) => {
      const callback = openCallback(rows, context, args.id);
      rows.write(context, "callback", { ...callback, status: args.status, ownerId: context.userId, closedAt: context.now, closedBy: context.userId, notes: args.note || callback.notes });
    },
  };
}
