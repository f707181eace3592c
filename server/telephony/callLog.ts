import { randomUUID } from "node:crypto";
import { and, eq, isNull, or } from "drizzle-orm";
import { auditEvents, calls, dialledNumbers, pbxCalls, users } from "../../db/central/schema";
import { timeOrderedId } from "../sync/timeOrderedId";
import type { TelephonyEvent } from "../../shared/domain/telephonyEvent";
import type { CentralDb } from "../context";

export type LoggedCall = Pick<typeof calls.$inferSelect, "id" | "practiceId" | "externalCallId" | "dialledNumber" | "callerNumber" | "userId">;

export type CallLogOutcome =
  /**
   * `changed` is false for a repeated event that taught the server nothing new; `outdated`, for an event
   * the call is already past (a PBX's retry: ringing once answered or ended, answered once answered or
   * ended, ended once ended), which is recorded but must not pop the call again.
   */
  | { call: LoggedCall; changed: boolean; outdated: boolean; agentUserId: string | null }
  /** An event about a call never recorded, without the dialled number that would record it. */
  | { unknownCall: true };

/** pbx_call's primary key: the same PBX call recorded at the same time by another request. */
const DUPLICATE_KEY = "23505";

/**
 * Writes a PBX event into the call log, so the call exists even when no workstation is connected:
 * the first event of a call (normally "ringing") makes its row — practice from the dialled number,
 * secretary from the agent, null when unknown — and the later ones fill it in: who (if not known yet,
 * or whoever answers first), when answered, when ended. Never what the secretary wrote (outcome,
 * notes, patient, links), nor a time already set: a PBX repeating itself changes nothing.
 */
export async function recordCallEvent(db: CentralDb, pbxLinkId: string, event: TelephonyEvent, receivedAt: Date): Promise<CallLogOutcome> {
  const agentUserId = event.agent ? await userOfAgent(db, event.agent) : null;
  try {
    return await writeEvent(db, pbxLinkId, event, agentUserId, receivedAt);
  } catch (error) {
    // Two deliveries of a call's first event raced: the other one made the row, this one updates it.
    if (pgErrorCode(error) !== DUPLICATE_KEY) throw error;
    return writeEvent(db, pbxLinkId, event, agentUserId, receivedAt);
  }
}

function writeEvent(db: CentralDb, pbxLinkId: string, event: TelephonyEvent, agentUserId: string | null, receivedAt: Date): Promise<CallLogOutcome> {
  const at = new Date(event.at);
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select({ call: calls })
      .from(pbxCalls)
      .innerJoin(calls, eq(calls.id, pbxCalls.callId))
      .where(and(eq(pbxCalls.pbxLinkId, pbxLinkId), eq(pbxCalls.externalCallId, event.callId)))
      .for("update", { of: calls });

    if (!known) {
      if (!event.calledNumber) return { unknownCall: true as const };
      const [number] = await tx
        .select({ practiceId: dialledNumbers.practiceId })
        .from(dialledNumbers)
        .where(and(eq(dialledNumbers.e164, event.calledNumber), isNull(dialledNumbers.deletedAt)))
        .limit(1);
      const call = {
        id: randomUUID(),
        practiceId: number?.practiceId ?? null,
        externalCallId: event.callId,
        dialledNumber: event.calledNumber,
        callerNumber: event.callerNumber,
        userId: agentUserId,
      };
      await tx.insert(calls).values({
        ...call,
        startedAt: at,
        answeredAt: event.event === "answered" ? at : null,
        endedAt: event.event === "ended" ? at : null,
        links: { appointmentIds: [], messageIds: [] },
      });
      await tx.insert(pbxCalls).values({ pbxLinkId, externalCallId: event.callId, callId: call.id });
      await tx.insert(auditEvents).values(pbxWrite("telephony.call.create", call, pbxLinkId, event, Object.keys(call), receivedAt));
      return { call, changed: true, outdated: false, agentUserId };
    }

    const { call } = known;
    const done = Boolean(call.endedAt || call.outcome);
    const outdated = event.event === "ended" ? Boolean(call.endedAt) : done || Boolean(call.answeredAt);
    const changes: Partial<typeof calls.$inferInsert> = {};
    // Several phones may ring (a ring group, a queue): the call is with whoever picks it up first.
    const pickedUp = event.event === "answered" && !call.answeredAt && !call.outcome;
    if (agentUserId && agentUserId !== call.userId && (!call.userId || pickedUp)) changes.userId = agentUserId;
    if (!call.callerNumber && event.callerNumber) changes.callerNumber = event.callerNumber;
    // Events may arrive out of order: the call started at its earliest event.
    if (at < call.startedAt) changes.startedAt = at;
    if (event.event === "answered" && !call.answeredAt) changes.answeredAt = at;
    if (event.event === "ended" && !call.endedAt) changes.endedAt = at;
    const changed = Object.keys(changes).length > 0;
    if (changed) {
      await tx.update(calls).set(changes).where(eq(calls.id, call.id));
      await tx.insert(auditEvents).values(pbxWrite("telephony.call.update", call, pbxLinkId, event, Object.keys(changes), receivedAt));
    }
    return { call: { ...call, ...changes } as LoggedCall, changed, outdated, agentUserId };
  });
}

/**
 * A call row the PBX wrote, on the audit trail like every write: no user or device wrote it, the PBX
 * link did (its id), for the event it reported; field names only, never the numbers.
 */
function pbxWrite(action: string, call: Pick<LoggedCall, "id" | "practiceId">, pbxLinkId: string, event: TelephonyEvent, fields: string[], at: Date) {
  return {
    id: timeOrderedId(at.getTime()),
    at,
    practiceId: call.practiceId,
    action,
    entity: "call",
    entityId: call.id,
    details: { pbxLinkId, event: event.event, fields: fields.sort() },
  };
}

/**
 * The user an agent names: a login first, else a phone extension if exactly one user has it (an
 * extension shared by two people names neither). Deleted users are no one.
 */
async function userOfAgent(db: CentralDb, agent: string): Promise<string | null> {
  const candidates = await db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(and(isNull(users.deletedAt), or(eq(users.login, agent), eq(users.extension, agent))))
    .limit(3);
  const byLogin = candidates.find((user) => user.login === agent);
  if (byLogin) return byLogin.id;
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}

function pgErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
