import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { sessionOf, type CentralDb, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokePractice } from "../sync/pokeWorkstations";
import { auditAdminChange } from "./adminAudit";
import { idParam } from "./idParam";
import { requireRole } from "./requireRole";
import { dateOf } from "../../shared/time/clock";

type Row = Record<string, unknown> & { id: string };
type SyncedTable = PgTable & { id: AnyPgColumn; deletedAt: AnyPgColumn };

/** One kind of agency record an administrator creates and changes: practices, practitioners, motifs, consignes. */
export interface EntitySpec<Create extends Record<string, unknown>, Change extends Record<string, unknown>> {
  /** "/api/v1/admin/practitioners": POST there, PATCH at `${path}/:id`. */
  path: string;
  /** The audit's entity and the middle of its action ("admin.practitioner.create"). */
  entity: string;
  notFound: string;
  table: SyncedTable;
  create: z.ZodType<Create>;
  change: z.ZodType<Change>;
  /** The practice a new record belongs to, once its parents are checked (throws a 400 when one is unknown). */
  practiceOfNew(db: CentralDb, fields: Create): Promise<string | null>;
  /** The practice of an existing record, for the audit. */
  practiceOf(row: Row): string | null;
  /** Checks a change against the record as it is (parents, ranges); throws a 400. */
  checkChange?(db: CentralDb, current: Row, change: Change): Promise<void>;
  /** What follows from a change, in its transaction (a new absence's callbacks); merged into the answer. */
  afterChange?(tx: CentralDb, current: Row, change: Change, done: { now: Date; userId: string }): Promise<Record<string, unknown>>;
  /** The columns to write for fields as the request gives them (ISO strings to dates…). */
  columns?(fields: Record<string, unknown>): Record<string, unknown>;
  /** The table keeps the practice of a record whose request names only its parent (a motif's practitioner). */
  storesPractice?: boolean;
  /**
   * DELETE removes the record (a tombstone the workstations pull, so its rows stay whole for history):
   * `guard` refuses, with a 409 in French, what would leave something behind (appointments still to
   * come); `alongside` removes in the same transaction what cannot outlive it (a practitioner's motifs).
   */
  removal?: {
    guard(db: CentralDb, row: Row, now: Date): Promise<void>;
    alongside?(tx: CentralDb, row: Row, now: Date): Promise<void>;
  };
}

/**
 * POST creates, PATCH changes only the fields it names; both admin only, checked with the spec's zod
 * schemas, audited in the same transaction (field names only), and carried to the workstations by the
 * normal pull (the version trigger stamps every write), which a poke of the practice starts at once.
 * Deleted records are not found.
 */
export function registerEntityRoutes<Create extends Record<string, unknown>, Change extends Record<string, unknown>>(
  app: FastifyInstance,
  { db, authenticate, clock }: ServerContext,
  spec: EntitySpec<Create, Change>,
): void {
  const adminWrite = { onRequest: authenticate, preHandler: requireRole("admin"), bodyLimit: DEFAULT_BODY_LIMIT_BYTES };
  const columns = spec.columns ?? ((fields: Record<string, unknown>) => fields);

  app.post(spec.path, adminWrite, async (request, reply) => {
    const fields = parseOr400(spec.create, request.body);
    const practiceId = await spec.practiceOfNew(db, fields);
    const id = randomUUID();
    // A new practice is its own practice, for the audit.
    const practiceOfRecord = spec.practiceOf({ id, ...fields, ...(practiceId ? { practiceId } : {}) });
    await db.transaction(async (tx) => {
      await tx.insert(spec.table).values({ id, ...columns(fields), ...(spec.storesPractice ? { practiceId } : {}) } as never);
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), dateOf(clock), { action: `admin.${spec.entity}.create`, entity: spec.entity, entityId: id, practiceId: practiceOfRecord });
    });
    // The practice's secretaries see a new consigne, motif or practitioner now, not at their next periodic pull.
    if (practiceId) await pokePractice(db, practiceId);
    return reply.code(201).send({ id });
  });

  app.patch(`${spec.path}/:id`, adminWrite, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const change = parseOr400(spec.change, request.body);
    const [current] = (await db.select().from(spec.table as never).where(and(eq(spec.table.id, id), isNull(spec.table.deletedAt)))) as Row[];
    if (!current) throw new ApiError(404, "not_found", spec.notFound);
    await spec.checkChange?.(db, current, change);
    const practiceId = spec.practiceOf(current);
    const session = sessionOf(request);
    const now = dateOf(clock);
    const following = await db.transaction(async (tx) => {
      await tx.update(spec.table).set(columns(change) as never).where(eq(spec.table.id, id));
      const more = (await spec.afterChange?.(tx as unknown as CentralDb, current, change, { now, userId: session.user.id })) ?? {};
      await auditAdminChange(tx as unknown as CentralDb, session, now, {
        action: `admin.${spec.entity}.update`,
        entity: spec.entity,
        entityId: id,
        practiceId,
        details: { fields: Object.keys(change).sort() },
      });
      return more;
    });
    if (practiceId) await pokePractice(db, practiceId);
    return { id, ...following };
  });

  const { removal } = spec;
  if (!removal) return;
  // No body is expected; the limit keeps anyone from streaming one.
  app.delete(`${spec.path}/:id`, adminWrite, async (request) => {
    const { id } = parseOr400(idParam, request.params);
    const practiceId = await db.transaction(async (tx) => {
      const [current] = (await tx.select().from(spec.table as never).where(and(eq(spec.table.id, id), isNull(spec.table.deletedAt))).for("update")) as Row[];
      if (!current) throw new ApiError(404, "not_found", spec.notFound);
      const now = dateOf(clock);
      await removal.guard(tx as unknown as CentralDb, current, now);
      await tx.update(spec.table).set({ deletedAt: now } as never).where(eq(spec.table.id, id));
      await removal.alongside?.(tx as unknown as CentralDb, current, now);
      const practice = spec.practiceOf(current);
      await auditAdminChange(tx as unknown as CentralDb, sessionOf(request), now, { action: `admin.${spec.entity}.delete`, entity: spec.entity, entityId: id, practiceId: practice });
      return practice;
    });
    if (practiceId) await pokePractice(db, practiceId);
    return { id };
  });
}
