import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { AuthenticatedSession, CentralDb, ServerContext } from "../context";
import { clientMutations } from "../../db/central/schema";
import type { MutationResult, PushRequest, PushResponse, SessionUser } from "../../shared/api/wire";
import { MutationRejected, parseMutationArgs, type MutationArgs, type MutationEnvelope, type MutationName } from "../../shared/sync/mutations";
import { auditWrite, auditWriteSql } from "./auditTrail";
import type { CentralTx } from "../centralTransaction";
import { applyCentralMutation, planRowInsert, type RowInsert } from "./centralMutations";
import { dateOf } from "../../shared/time/clock";
import { batchFrom, batchStatement, type BatchedInsert } from "./pushBatch";
import { callbackForRefusedBooking } from "../callbacks/refusedBookings";

export const CHANGES_CHANNEL = "telesec_changes";

/** What a push tells the server processes listening on CHANGES_CHANNEL. */
export interface ChangeNotice {
  practiceId: string | null;
  userId: string;
  /** The user's account or one of their sessions changed: the hubs review their sockets (pokeHub.ts). */
  accountChanged?: true;
}

/** A push the server refuses as a whole (not a mutation it rejects): a client not the user's, or a gap. */
export class PushRefused extends Error {
  constructor(
    readonly code: "forbidden" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** The database as the push uses it: drizzle for building and transactions, the pool for prepared statements. */
type Central = Pick<ServerContext, "db" | "pool" | "clock">;

type Outcome = { result: MutationResult; last: number; practiceId: string | null };

/** The claim guard of migration 0004: the single statement's claim matched no row. */
const CLAIM_MISSED = "TS001";

/**
 * Applies a client's mutations in order, each in its own transaction together with the client's
 * lastMutationSeq, so a retried push answers "duplicate" and changes nothing, and a crash between
 * two mutations loses neither. A rejected mutation leaves no trace: its transaction is rolled
 * back whole, and a second one only advances the sequence, so the client moves it to its
 * conflict inbox. Every applied mutation leaves its audit row (who, which device, what, which practice)
 * in its own transaction. Consecutive single inserts into one table share one statement, so one
 * transaction (pushBatch.ts): each keeps its own outcome and audit row. Pokes go out once per push,
 * after the commits.
 */
export async function pushMutations(central: Central, session: AuthenticatedSession, request: PushRequest): Promise<PushResponse> {
  const { user } = session;
  const { clientId, mutations } = request;
  const results: MutationResult[] = [];
  const touched = new Set<string>();
  let lastMutationSeq = 0;
  const record = (outcome: Outcome) => {
    results.push(outcome.result);
    lastMutationSeq = outcome.last;
    if (outcome.result.status === "applied") touched.add(outcome.practiceId ?? "");
    // A refusal that left a callback behind pokes its practice too.
    else if (outcome.practiceId) touched.add(outcome.practiceId);
  };
  try {
    // Mutations before this index go one by one: the rest of a batch that wrote nothing.
    let aloneUntil = 0;
    for (let next = 0; next < mutations.length; ) {
      // One reading of the clock per batch: its rows, their audit rows and the client's updated_at share it.
      const now = dateOf(central.clock);
      const batch = next < aloneUntil ? [] : batchFrom(mutations, next, user, now);
      const batched = batch.length > 1 ? await insertBatch(central, session, clientId, batch, now) : "alone";
      if (batched === "applied") {
        for (const { mutation, insert } of batch) record({ result: { seq: mutation.seq, status: "applied" }, last: mutation.seq, practiceId: insert.practiceId });
        next += batch.length;
        continue;
      }
      // The batch wrote nothing: its mutations go one by one, so a bad one is rejected alone, as without batches.
      if (batched === "refused") aloneUntil = next + batch.length;
      const mutation = mutations[next]!;
      const outcome = await applyMutation(central, session, clientId, mutation);
      record(outcome);
      // A missed claim is mostly a client's first push: once the first has taken its place the slow
      // way, the rest is batched again. A duplicate means a retry: the server's sequence stands at
      // outcome.last, so the batch's mutations up to it are duplicates too, answered one by one.
      if (batched === "claim_missed" && outcome.result.status === "duplicate") aloneUntil = next + Math.min(batch.length, outcome.last - mutation.seq + 1);
      next += 1;
    }
  } finally {
    await notify(central.db, user, touched);
  }
  return { results, lastMutationSeq };
}

/**
 * A batch in one statement (pushBatch.ts), written whole or not at all: "claim_missed" when the
 * client's sequence did not stand just before it, "refused" when anything else failed (a row
 * PostgreSQL refused, most often), which only the mutations applied one by one can tell apart.
 */
async function insertBatch(
  central: Central,
  session: AuthenticatedSession,
  clientId: string,
  batch: readonly BatchedInsert[],
  now: Date,
): Promise<"applied" | "claim_missed" | "refused"> {
  const { text, values } = batchStatement(session, clientId, batch, now);
  try {
    await central.pool.query({ name: preparedName(text), text, values });
    return "applied";
  } catch (error) {
    const code = pgErrorCode(error);
    // Not PostgreSQL's answer (a dropped connection…): the push fails and the client retries it; the sequence sorts it out.
    if (code === undefined) throw error;
    return code === CLAIM_MISSED ? "claim_missed" : "refused";
  }
}

async function applyMutation(central: Central, session: AuthenticatedSession, clientId: string, mutation: MutationEnvelope): Promise<Outcome> {
  const { user } = session;
  // One reading per mutation: its rows, its audit row and its place in the client's sequence agree.
  const now = dateOf(central.clock);
  try {
    const args = parseMutationArgs(mutation.name, mutation.args);
    const insert = planRowInsert(mutation.name, { user, now }, args);
    return (
      (insert && (await insertInOneStatement(central, session, clientId, mutation, insert, now))) ??
      (await applyInOwnTransaction(central.db, session, clientId, mutation, args, now))
    );
  } catch (error) {
    const rejection = asRejection(error);
    if (!rejection) throw error;
    return recordRejection(central.db, user, clientId, mutation, rejection, now);
  }
}

/**
 * The common case in one round trip: one statement (so one transaction) claims this mutation's place
 * in the client's sequence and inserts its row. Null when the claim missed (first push, retry, gap):
 * the guard aborted the statement, nothing was written, and the general path sorts it out. The
 * statement is prepared once per connection and kind of row (its text only varies with them): planning
 * it each time cost as much as running it.
 */
async function insertInOneStatement(
  central: Central,
  session: AuthenticatedSession,
  clientId: string,
  mutation: MutationEnvelope,
  insert: RowInsert,
  now: Date,
): Promise<Outcome | null> {
  const { seq } = mutation;
  const row = central.db.insert(insert.table).values(insert.values).toSQL();
  const [seqParam, clientParam, userParam, nowParam] = [1, 2, 3, 4].map((offset) => `$${row.params.length + offset}`);
  const audit = auditWriteSql(row.params.length + 5, { ...session, mutation, practiceId: insert.practiceId || null, at: now });
  const text = `WITH claim AS (
      UPDATE client_mutation SET last_mutation_seq = ${seqParam}, updated_at = ${nowParam}::timestamptz
      WHERE client_id = ${clientParam} AND user_id = ${userParam} AND last_mutation_seq = ${seqParam} - 1
      RETURNING 1
    ), audit AS (${audit.sql} FROM claim)
    ${row.sql}
    RETURNING telesec_require_claim((SELECT count(*) FROM claim))`;
  try {
    await central.pool.query({ name: preparedName(text), text, values: [...row.params, seq, clientId, session.user.id, now.toISOString(), ...audit.params] });
  } catch (error) {
    if (pgErrorCode(error) === CLAIM_MISSED) return null;
    throw error;
  }
  return { result: { seq, status: "applied" }, last: seq, practiceId: insert.practiceId };
}

const preparedNames = new Map<string, string>();

function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `telesec_push_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** The general path: the claim, the mutation's reads and writes, in one transaction rolled back whole on a rejection. */
function applyInOwnTransaction<N extends MutationName>(
  db: CentralDb,
  session: AuthenticatedSession,
  clientId: string,
  mutation: MutationEnvelope,
  args: MutationArgs<N>,
  now: Date,
): Promise<Outcome> {
  const { user } = session;
  return db.transaction(async (tx) => {
    // The common case in one statement: take this mutation's place in the sequence (locking the row).
    if (!(await claimNext(tx, clientId, user.id, mutation.seq, now))) {
      const duplicate = await takePlace(tx, clientId, user.id, mutation.seq, now);
      if (duplicate) return duplicate;
    }
    const practiceId = await applyCentralMutation(mutation.name as N, { tx, user, now }, args);
    await auditWrite(tx, { ...session, mutation, practiceId: practiceId || null, at: now });
    return { result: { seq: mutation.seq, status: "applied" as const }, last: mutation.seq, practiceId };
  });
}

/** The mutation's work was rolled back; only its place in the sequence is kept, with the reason. */
function recordRejection(db: CentralDb, user: SessionUser, clientId: string, mutation: MutationEnvelope, rejection: MutationRejected, now: Date): Promise<Outcome> {
  const { seq } = mutation;
  return db.transaction(async (tx) => {
    const duplicate = await takePlace(tx, clientId, user.id, seq, now);
    if (duplicate) return duplicate;
    const { code, message } = rejection;
    const practiceId = await callbackForRefusedBooking(tx, user, mutation, rejection, now);
    return { result: { seq, status: "rejected" as const, error: { code, message } }, last: seq, practiceId };
  });
}

/**
 * The slow way to seq's place in the client's sequence, locking it (created on a first push): the
 * "duplicate" outcome when the server already had seq, PushRefused on a gap, else null once taken.
 */
async function takePlace(tx: CentralTx, clientId: string, userId: string, seq: number, now: Date): Promise<Outcome | null> {
  const last = await lockClient(tx, clientId, userId, now);
  if (seq <= last) return { result: { seq, status: "duplicate" }, last, practiceId: null };
  if (seq !== last + 1) throw new PushRefused("invalid", `Mutation ${seq} reçue alors que la suivante attendue est ${last + 1}.`);
  await advance(tx, clientId, seq, now);
  return null;
}

/** Advances this client's sequence from seq - 1 to seq; false when it was not at seq - 1 (first push, retry, gap, other user). */
async function claimNext(tx: CentralTx, clientId: string, userId: string, seq: number, now: Date): Promise<boolean> {
  const claimed = await tx
    .update(clientMutations)
    .set({ lastMutationSeq: seq, updatedAt: now })
    .where(and(eq(clientMutations.clientId, clientId), eq(clientMutations.userId, userId), eq(clientMutations.lastMutationSeq, seq - 1)))
    .returning({ seq: clientMutations.lastMutationSeq });
  return claimed.length === 1;
}

/** Locks this client's sequence row for the transaction, creating it on the first push. */
async function lockClient(tx: CentralTx, clientId: string, userId: string, now: Date): Promise<number> {
  const select = () =>
    tx
      .select({ userId: clientMutations.userId, last: clientMutations.lastMutationSeq })
      .from(clientMutations)
      .where(eq(clientMutations.clientId, clientId))
      .for("update");
  let [row] = await select();
  if (!row) {
    await tx.insert(clientMutations).values({ clientId, userId, lastMutationSeq: 0, updatedAt: now }).onConflictDoNothing();
    [row] = await select();
  }
  if (!row || row.userId !== userId) throw new PushRefused("forbidden", "Ce poste appartient à une autre session.");
  return row.last;
}

function advance(tx: CentralTx, clientId: string, seq: number, now: Date) {
  return tx.update(clientMutations).set({ lastMutationSeq: seq, updatedAt: now }).where(eq(clientMutations.clientId, clientId));
}

/** One poke per practice touched (or for the user alone, for calls without a practice); only committed work gets here. */
async function notify(db: CentralDb, user: SessionUser, touched: Set<string>): Promise<void> {
  for (const practiceId of touched) {
    const notice: ChangeNotice = { practiceId: practiceId || null, userId: user.id };
    // The snapshot's horizon, not pg_current_xact_id(): outside a transaction that would spend a transaction id.
    await db.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(notice)} || ',' || pg_snapshot_xmax(pg_current_snapshot())::text)`);
  }
}

/** What PostgreSQL's own constraints mean for the secretary; anything else is a server fault. */
function asRejection(error: unknown): MutationRejected | null {
  if (error instanceof MutationRejected) return error;
  switch (pgErrorCode(error)) {
    case "23P01":
      return new MutationRejected("slot_taken", "Ce créneau vient d'être pris sur un autre poste.");
    case "23505":
      return new MutationRejected("invalid", "Cet enregistrement existe déjà.");
    case "23503":
      return new MutationRejected("not_found", "Un élément lié est introuvable.");
    case "23514":
    case "22P02":
    case "22007":
    case "22008":
      return new MutationRejected("invalid", "Valeur refusée par le serveur.");
    default:
      return null;
  }
}

function pgErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
