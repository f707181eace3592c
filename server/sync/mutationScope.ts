import { and, eq, inArray, isNull } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { appointments, calls, messages } from "../../db/central/schema";
import type { SessionUser } from "../../shared/api/wire";
import type { CentralMutationContext } from "../centralTransaction";
import { MutationRejected } from "../../shared/sync/mutations";

/**
 * What every mutation checks of the rows it names: a practice the user serves, rows of that very
 * practice (a record never points into another), and `not_found` rather than "exists elsewhere".
 */
export function requireScope(user: SessionUser, practiceId: string): void {
  if (!user.practiceIds.includes(practiceId)) {
    throw new MutationRejected("forbidden", "Ce cabinet ne fait pas partie de ceux que vous servez.");
  }
}

/** A live row of a practice-owned table that the user may see, or `not_found` (never "exists elsewhere"). */
export async function findInScope<T extends PgTable & { id: PgColumn; practiceId: PgColumn; deletedAt: PgColumn }>(
  context: CentralMutationContext,
  table: T,
  id: string,
  what: string,
): Promise<T["$inferSelect"]> {
  const [row] = await context.tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .for("update");
  const practiceId = (row as { practiceId?: string } | undefined)?.practiceId;
  if (!row || !practiceId || !context.user.practiceIds.includes(practiceId)) {
    throw new MutationRejected("not_found", `${what} introuvable.`);
  }
  return row as T["$inferSelect"];
}

/** A live row the user may see, of this very practice: a record never points into another practice. */
export async function requireInPractice<T extends PgTable & { id: PgColumn; practiceId: PgColumn; deletedAt: PgColumn }>(
  context: CentralMutationContext,
  table: T,
  id: string,
  practiceId: string | null,
  what: string,
): Promise<void> {
  const row = await findInScope(context, table, id, what);
  if ((row as { practiceId?: string }).practiceId !== practiceId) throw new MutationRejected("not_found", `${what} introuvable.`);
}

/**
 * Rows a record links to without a foreign key (a message's call, a call's links): a link to a row
 * not on the server yet is kept (it may arrive later in the outbox), one into another practice is refused.
 */
export async function requireLinksInPractice(
  context: CentralMutationContext,
  table: typeof calls | typeof messages | typeof appointments,
  ids: readonly string[],
  practiceId: string | null,
  what: string,
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await context.tx.select({ practiceId: table.practiceId }).from(table).where(inArray(table.id, [...ids]));
  if (rows.some((row) => row.practiceId !== practiceId || (row.practiceId !== null && !context.user.practiceIds.includes(row.practiceId)))) {
    throw new MutationRejected("not_found", `${what} introuvable.`);
  }
}
