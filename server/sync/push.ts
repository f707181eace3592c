import { and, eq, sql } from "drizzle-orm";
import type { CentralDb } from "../context";
import { clientMutations } from "../../db/central/schema";
import type { MutationResult, PushRequest, PushResponse, SessionUser } from "../../shared/api/wire";
import { MutationRejected, parseMutationArgs, type MutationEnvelope } from "../../shared/sync/mutations";
import { applyCentralMutation, type CentralTx } from "./centralMutations";

export const CHANGES_CHANNEL = "telesec_changes";

/** What a commit tells the server processes listening on CHANGES_CHANNEL (followed by ",<version>"). */
export interface ChangeNotice {
  practiceId: string | null;
  userId: string;
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

/**
 * Applies a client's mutations in order, each in its own transaction together with the client's
 * lastMutationSeq, so a retried push answers "duplicate" and changes nothing, and a crash between
 * two mutations loses neither. A rejected mutation leaves no trace but still advances the
 * sequence: the client moves it to its conflict inbox.
 */
export async function pushMutations(db: CentralDb, user: SessionUser, request: PushRequest): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let lastMutationSeq = 0;
  for (const mutation of request.mutations) {
    const outcome = await db.transaction(async (tx) => {
      const last = await lockClient(tx, request.clientId, user.id);
      if (mutation.seq <= last) return { result: { seq: mutation.seq, status: "duplicate" as const }, last };
      if (mutation.seq !== last + 1) {
        throw new PushRefused("invalid", `Mutation ${mutation.seq} reçue alors que la suivante attendue est ${last + 1}.`);
      }
      const result = await applyOne(tx, user, mutation);
      await tx
        .update(clientMutations)
        .set({ lastMutationSeq: mutation.seq, updatedAt: sql`now()` })
        .where(eq(clientMutations.clientId, request.clientId));
      return { result, last: mutation.seq };
    });
    results.push(outcome.result);
    lastMutationSeq = outcome.last;
  }
  return { results, lastMutationSeq };
}

/** Locks this client's sequence row for the transaction (creating it on first push). */
async function lockClient(tx: CentralTx, clientId: string, userId: string): Promise<number> {
  await tx.insert(clientMutations).values({ clientId, userId, lastMutationSeq: 0 }).onConflictDoNothing();
  const [row] = await tx
    .select({ userId: clientMutations.userId, last: clientMutations.lastMutationSeq })
    .from(clientMutations)
    .where(and(eq(clientMutations.clientId, clientId)))
    .for("update");
  if (!row || row.userId !== userId) throw new PushRefused("forbidden", "Ce poste appartient à une autre session.");
  return row.last;
}

async function applyOne(tx: CentralTx, user: SessionUser, mutation: MutationEnvelope): Promise<MutationResult> {
  try {
    // A savepoint: a refused mutation is rolled back alone, the sequence update still commits.
    const practiceId = await tx.transaction(async (savepoint) => {
      const args = parseMutationArgs(mutation.name, mutation.args);
      return applyCentralMutation(mutation.name, { tx: savepoint, user, now: new Date() }, args);
    });
    // Delivered to every server process at commit, never for a rolled-back transaction.
    const poke: ChangeNotice = { practiceId: practiceId || null, userId: user.id };
    await tx.execute(sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(poke)} || ',' || pg_current_xact_id()::text)`);
    return { seq: mutation.seq, status: "applied" };
  } catch (error) {
    const rejection = asRejection(error);
    if (!rejection) throw error;
    return { seq: mutation.seq, status: "rejected", error: { code: rejection.code, message: rejection.message } };
  }
}

/** What PostgreSQL's own constraints mean for the secretary; anything else is a server fault. */
function asRejection(error: unknown): MutationRejected | null {
  if (error instanceof MutationRejected) return error;
  const code = pgErrorCode(error);
  switch (code) {
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
