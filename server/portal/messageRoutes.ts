import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { messages, practitioners } from "../../db/central/schema";
import { portalMessageList, treatMessageRequest, type PortalMessageView } from "../../shared/api/portal";
import type { DoctorReading } from "../../shared/domain/doctorReading";
import { id } from "../../shared/domain/identifiers";
import { practitionerName } from "../../shared/domain/practitionerName";
import { dateOf } from "../../shared/time/clock";
import type { CentralTx } from "../centralTransaction";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { LOGIN_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { pokePractice } from "../sync/pokeWorkstations";
import { callbackForDoctorAnswer } from "../callbacks/doctorAnswers";
import { closeCallbacksOf } from "../callbacks/callbackRecords";
import { auditPortal } from "./portalAudit";
import { createAuthenticatePortal, portalOf, type PortalSession } from "./portalSession";

/** The portal lists the messages not yet treated, and those treated in the last 30 days. */
const TREATED_KEPT_DAYS = 30;
/** Enough for a doctor's backlog; more would be a page no one reads on a phone. */
const LIST_LIMIT = 200;

const messageParam = z.strictObject({ id });
const notFound = () => new ApiError(404, "not_found", "Message introuvable : il n'est pas adressé à l'un de vos praticiens, ou a été supprimé.");

type MessageRow = typeof messages.$inferSelect;

const viewOf = (row: MessageRow, names: Map<string, string>): PortalMessageView => ({
  id: row.id,
  practiceId: row.practiceId,
  practitionerId: row.practitionerId!,
  practitionerName: names.get(row.practitionerId!) ?? "",
  callerName: row.callerName,
  callbackNumber: row.callbackNumber,
  category: row.category,
  urgency: row.urgency,
  text: row.text,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  reading: row.reading ?? null,
});

/**
 * The doctor's messages on the portal (docs/protocol.md): those addressed to one of the account's
 * practitioners, urgent and unread first. Opening one is the read receipt the secretaries see (« Lu par le
 * Dr Perrot à 14:32 »); « Traité » closes it, with an optional reply. Both write the message row, whose new
 * version reaches the practice's workstations by their next pull, poked at once. Every listing and every
 * opening is in the audit trail, as a secretary's reads are.
 */
export function registerPortalMessageRoutes(app: FastifyInstance, { db, clock }: ServerContext): void {
  const authenticatePortal = createAuthenticatePortal(db, clock);

  app.get("/portail/api/messages", { onRequest: authenticatePortal }, async (request) => {
    const portal = portalOf(request);
    const now = dateOf(clock);
    const names = await practitionerNames(db, portal.practitionerIds);
    const rows = portal.practitionerIds.length
      ? await db
          .select()
          .from(messages)
          .where(
            and(
              inArray(messages.practitionerId, portal.practitionerIds),
              isNull(messages.deletedAt),
              sql`(${messages.status} <> 'traite' OR ${messages.createdAt} > ${now.toISOString()}::timestamptz - make_interval(days => ${TREATED_KEPT_DAYS}))`,
            ),
          )
          // Still to treat first, urgent first among them, not yet opened next; newest first within each.
          .orderBy(sql`(${messages.status} = 'traite')`, sql`(${messages.urgency} = 'urgente') DESC`, sql`(${messages.reading} IS NULL) DESC`, desc(messages.createdAt), desc(messages.id))
          .limit(LIST_LIMIT)
      : [];
    await auditListing(db as unknown as CentralTx, portal, rows, now);
    return portalMessageList.parse({ messages: rows.map((row) => viewOf(row, names)) });
  });

  app.post("/portail/api/messages/:id/read", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const { id: messageId } = parseOr400(messageParam, request.params);
    return changeMessage(request, messageId, "portal.message.open", (row, now, portal) =>
      row.reading ? null : { reading: { readAt: now.toISOString(), readBy: portal.name, treatedAt: null, reply: null }, status: row.status === "nouveau" ? "lu" : row.status },
    );
  });

  app.post("/portail/api/messages/:id/treat", { onRequest: authenticatePortal, bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request) => {
    const { id: messageId } = parseOr400(messageParam, request.params);
    const { reply } = parseOr400(treatMessageRequest, request.body ?? {});
    return changeMessage(request, messageId, "portal.message.treat", (row, now, portal) => ({
      reading: { readAt: row.reading?.readAt ?? now.toISOString(), readBy: row.reading?.readBy ?? portal.name, treatedAt: now.toISOString(), reply: reply || null },
      status: "traite",
    }));
  });

  /** Applies a change to one of the doctor's messages, audited, in one transaction; pokes its practice's workstations once committed. */
  async function changeMessage(
    request: Parameters<typeof portalOf>[0],
    messageId: string,
    action: string,
    change: (row: MessageRow, now: Date, portal: PortalSession) => { reading: DoctorReading; status: MessageRow["status"] } | null,
  ): Promise<{ message: PortalMessageView }> {
    const portal = portalOf(request);
    const now = dateOf(clock);
    const row = await db.transaction(async (tx) => {
      const [found] = await tx.select().from(messages).where(and(eq(messages.id, messageId), isNull(messages.deletedAt))).for("update");
      if (!found || found.practitionerId === null || !portal.practitionerIds.includes(found.practitionerId)) throw notFound();
      const changed = change(found, now, portal);
      await auditPortal(tx, portal, now, { action, entity: "message", entityId: found.id, practiceId: found.practiceId, details: found.patientId ? { patientIds: [found.patientId] } : {} });
      if (!changed) return { row: found, changed: false };
      const [updated] = await tx.update(messages).set(changed).where(eq(messages.id, found.id)).returning();
      // The doctor dealt with it: its own callback goes; a reply given then is for the patient, someone must call them with it.
      if (changed.status === "traite") await closeCallbacksOf(tx, [found.id], ["message"], now);
      if (changed.reading.reply && !found.reading?.treatedAt) await callbackForDoctorAnswer(tx, found, { text: changed.reading.reply }, null, now);
      return { row: updated!, changed: true };
    });
    if (row.changed) await pokePractice(db, row.row.practiceId);
    return { message: viewOf(row.row, await practitionerNames(db, [row.row.practitionerId!])) };
  }
}

async function practitionerNames(db: ServerContext["db"], ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: practitioners.id, title: practitioners.title, firstName: practitioners.firstName, lastName: practitioners.lastName }).from(practitioners).where(inArray(practitioners.id, [...ids]));
  return new Map(rows.map((row) => [row.id, practitionerName(row)]));
}

/** One event per practice whose messages were listed: which messages, and which patients they name. */
async function auditListing(db: CentralTx, portal: PortalSession, rows: readonly MessageRow[], now: Date): Promise<void> {
  const byPractice = new Map<string, MessageRow[]>();
  for (const row of rows) byPractice.set(row.practiceId, [...(byPractice.get(row.practiceId) ?? []), row]);
  await auditPortal(
    db,
    portal,
    now,
    ...[...byPractice].map(([practiceId, listed]) => ({
      action: "portal.messages.list",
      entity: "message",
      practiceId,
      details: { messageIds: listed.map((row) => row.id), patientIds: [...new Set(listed.flatMap((row) => (row.patientId ? [row.patientId] : [])))] },
    })),
  );
}
