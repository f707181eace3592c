import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { billingContracts, billingIssuers, billingStatements, practices } from "../../db/central/schema";
import { billingContractInput, billingIssuer, billingMonth, type BillingContractView, type BillingMonthPractice, type BillingMonthView, type BillingStatementView } from "../../shared/api/billingApi";
import { id } from "../../shared/domain/identifiers";
import { dateOf } from "../../shared/time/clock";
import { requireRole } from "../admin/requireRole";
import { sessionOf, type ServerContext } from "../context";
import { ApiError } from "../http/apiError";
import { DEFAULT_BODY_LIMIT_BYTES } from "../http/bodyLimits";
import { parseOr400 } from "../http/parseOr400";
import { statementCsv } from "./statementCsv";
import { formatMonth } from "./statementFormat";
import { statementPdf } from "./statementPdf";
import { draftStatement, issueStatement, monthEnded, type StatementRow } from "./statements";

const practiceParams = z.strictObject({ id });
const monthParams = z.strictObject({ id, month: billingMonth });
const firstDay = (month: string) => `${month}-01`;

export function statementView(row: StatementRow): BillingStatementView {
  const { id: statementId, practiceId, month, number, issuedAt, practiceName, lines, billableCalls, outOfHoursCalls, vatRateBp, totalHtCents, vatCents, totalTtcCents } = row;
  return { id: statementId, practiceId, month, number, issuedAt: issuedAt.toISOString(), practiceName, lines, billableCalls, outOfHoursCalls, vatRateBp, totalHtCents, vatCents, totalTtcCents };
}

function contractView(row: typeof billingContracts.$inferSelect): BillingContractView {
  const { createdBy: _createdBy, createdAt, ...contract } = row;
  return { ...contract, createdAt: createdAt.toISOString() };
}

/**
 * Billing the practices (issue 19), for administrators: who issues, each practice's contract, a month's
 * statements (issued, or what they would say now) and the agency's total, issuing one, and its CSV and PDF.
 */
export function registerBillingRoutes(app: FastifyInstance, { db, authenticate, clock }: ServerContext): void {
  const admin = { onRequest: authenticate, preHandler: requireRole("admin") };

  app.get("/api/v1/billing/issuer", admin, async () => {
    const [row] = await db.select().from(billingIssuers).where(eq(billingIssuers.id, 1));
    return { issuer: row?.details ?? null };
  });

  app.patch("/api/v1/billing/issuer", { ...admin, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request) => {
    const details = parseOr400(billingIssuer, request.body);
    await db
      .insert(billingIssuers)
      .values({ id: 1, details, updatedAt: dateOf(clock) })
      .onConflictDoUpdate({ target: billingIssuers.id, set: { details, updatedAt: dateOf(clock) } });
    return { issuer: details };
  });

  app.get("/api/v1/billing/practices/:id/contracts", admin, async (request) => {
    const { id: practiceId } = parseOr400(practiceParams, request.params);
    const rows = await db.select().from(billingContracts).where(eq(billingContracts.practiceId, practiceId)).orderBy(asc(billingContracts.effectiveFrom));
    return { contracts: rows.map(contractView) };
  });

  app.post("/api/v1/billing/practices/:id/contracts", { ...admin, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const { id: practiceId } = parseOr400(practiceParams, request.params);
    const input = parseOr400(billingContractInput, request.body);
    const { user } = sessionOf(request);
    const contract = await db.transaction(async (tx) => {
      const [practice] = await tx.select({ id: practices.id }).from(practices).where(eq(practices.id, practiceId)).for("update");
      if (!practice) throw new ApiError(404, "not_found", "Cabinet introuvable.");
      // A month invoiced keeps its prices: a change starts after the last one issued.
      const [last] = await tx.select({ month: billingStatements.month }).from(billingStatements).where(and(eq(billingStatements.practiceId, practiceId), gte(billingStatements.month, input.effectiveFrom))).orderBy(desc(billingStatements.month)).limit(1);
      if (last) throw new ApiError(409, "month_issued", `Le relevé de ${formatMonth(last.month)} est émis : un changement de contrat prend effet au plus tôt le mois suivant.`);
      const values = { ...input, practiceId, createdAt: dateOf(clock), createdBy: user.id };
      const [row] = await tx
        .insert(billingContracts)
        .values({ id: randomUUID(), ...values })
        .onConflictDoUpdate({ target: [billingContracts.practiceId, billingContracts.effectiveFrom], set: values })
        .returning();
      return row!;
    });
    return reply.code(201).send({ contract: contractView(contract) });
  });

  app.get("/api/v1/billing/months/:month", admin, async (request): Promise<BillingMonthView> => {
    const { month } = parseOr400(z.strictObject({ month: billingMonth }), request.params);
    const day = firstDay(month);
    // The agency bills every practice, whichever ones this administrator serves.
    const served = await db.select({ id: practices.id, name: practices.name }).from(practices).where(isNull(practices.deletedAt)).orderBy(asc(practices.name));
    const issued = new Map((await db.select().from(billingStatements).where(eq(billingStatements.month, day))).map((row) => [row.practiceId, row]));
    const rows: BillingMonthPractice[] = [];
    for (const practice of served) {
      const statement = issued.get(practice.id);
      if (statement) {
        rows.push({ status: "emis", practiceId: practice.id, practiceName: practice.name, statement: statementView(statement) });
        continue;
      }
      const draft = await draftStatement(db, practice.id, day);
      rows.push(
        draft
          ? {
              status: "a_emettre",
              practiceId: practice.id,
              practiceName: practice.name,
              draft: { lines: draft.lines, billableCalls: draft.counts.billableCalls, outOfHoursCalls: draft.counts.outOfHoursCalls, vatRateBp: draft.contract.vatRateBp, totalHtCents: draft.totalHtCents, vatCents: draft.vatCents, totalTtcCents: draft.totalTtcCents },
            }
          : { status: "sans_contrat", practiceId: practice.id, practiceName: practice.name },
      );
    }
    const figures = rows.flatMap((row) => (row.status === "emis" ? [row.statement] : row.status === "a_emettre" ? [row.draft] : []));
    const sum = (pick: (figure: (typeof figures)[number]) => number) => figures.reduce((total, figure) => total + pick(figure), 0);
    return {
      month: day,
      ended: monthEnded(day, dateOf(clock)),
      practices: rows,
      agency: { billableCalls: sum((f) => f.billableCalls), totalHtCents: sum((f) => f.totalHtCents), vatCents: sum((f) => f.vatCents), totalTtcCents: sum((f) => f.totalTtcCents) },
    };
  });

  app.post("/api/v1/billing/practices/:id/months/:month/issue", { ...admin, bodyLimit: DEFAULT_BODY_LIMIT_BYTES }, async (request, reply) => {
    const { id: practiceId, month } = parseOr400(monthParams, request.params);
    const { user } = sessionOf(request);
    const statement = await issueStatement(db, practiceId, firstDay(month), user.id, dateOf(clock));
    return reply.code(201).send({ statement: statementView(statement) });
  });

  async function issued(request: { params: unknown }): Promise<StatementRow> {
    const { id: statementId } = parseOr400(practiceParams, request.params);
    const [row] = await db.select().from(billingStatements).where(eq(billingStatements.id, statementId));
    if (!row) throw new ApiError(404, "not_found", "Relevé introuvable.");
    return row;
  }
  const fileName = (row: StatementRow, extension: string) => `releve-${row.number}-${row.month.slice(0, 7)}.${extension}`;

  app.get("/api/v1/billing/statements/:id/csv", admin, async (request, reply) => {
    const row = await issued(request);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName(row, "csv")}"`).send(statementCsv(row));
  });

  app.get("/api/v1/billing/statements/:id/pdf", admin, async (request, reply) => {
    const row = await issued(request);
    return reply.type("application/pdf").header("content-disposition", `attachment; filename="${fileName(row, "pdf")}"`).send(await statementPdf(row));
  });
}
