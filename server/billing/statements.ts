import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, lt, lte, sql } from "drizzle-orm";
import { auditEvents, billingContracts, billingIssuers, billingStatements, practices } from "../../db/central/schema";
import { amountOf, monthLines, statementTotals, type MonthCounts, type StatementLine } from "../../shared/domain/billing";
import { parisDayOf } from "../../shared/domain/parisTime";
import { periodHolding } from "../../shared/domain/reportPeriods";
import type { CentralDb } from "../context";
import type { CentralTx } from "../centralTransaction";
import { ApiError } from "../http/apiError";
import { timeOrderedId } from "../sync/timeOrderedId";
import { countMonth } from "./monthCounts";
import { formatMonth } from "./statementFormat";

type Db = CentralDb | CentralTx;
export type ContractRow = typeof billingContracts.$inferSelect;
export type StatementRow = typeof billingStatements.$inferSelect;

/** What a month's statement says now: its contract, the month's figures, its lines (corrections included) and totals. */
export interface StatementDraft {
  contract: ContractRow;
  counts: MonthCounts;
  lines: StatementLine[];
  monthAmountCents: number;
  totalHtCents: number;
  vatCents: number;
  totalTtcCents: number;
}


/** The contract in force on a month's first day. */
export async function contractFor(db: Db, practiceId: string, month: string): Promise<ContractRow | null> {
  const [contract] = await db
    .select()
    .from(billingContracts)
    .where(and(eq(billingContracts.practiceId, practiceId), lte(billingContracts.effectiveFrom, month)))
    .orderBy(desc(billingContracts.effectiveFrom))
    .limit(1);
  return contract ?? null;
}

/** The month's statement as it would be issued now; null without a contract. */
export async function draftStatement(db: Db, practiceId: string, month: string): Promise<StatementDraft | null> {
  const contract = await contractFor(db, practiceId, month);
  if (!contract) return null;
  const counts = await countMonth(db, practiceId, month, contract.billableOutcomes);
  const own = monthLines(contract, counts);
  const lines = [...own, ...(await correctionsBefore(db, practiceId, month))];
  return { contract, counts, lines, monthAmountCents: amountOf(own), ...statementTotals(lines, contract.vatRateBp) };
}

/**
 * What earlier statements billed that their months' calls no longer say (a call closed late, an outcome
 * changed): one line per such month, the difference between the month's lines today, under its own contract,
 * and what was billed for it so far (its statement and the corrections since).
 */
async function correctionsBefore(db: Db, practiceId: string, month: string): Promise<StatementLine[]> {
  const issued = await db.select().from(billingStatements).where(and(eq(billingStatements.practiceId, practiceId), lt(billingStatements.month, month))).orderBy(asc(billingStatements.month));
  const corrections: StatementLine[] = [];
  for (const statement of issued) {
    const [contract] = await db.select().from(billingContracts).where(eq(billingContracts.id, statement.contractId));
    const now = await countMonth(db, practiceId, statement.month, contract!.billableOutcomes);
    const earlier = issued.flatMap((other) => other.lines.filter((line) => line.correctionOf === statement.month));
    const billedCents = statement.monthAmountCents + amountOf(earlier);
    const billedCalls = statement.billableCalls + earlier.reduce((sum, line) => sum + (line.callsDelta ?? 0), 0);
    const deltaCents = amountOf(monthLines(contract!, now)) - billedCents;
    const callsDelta = now.billableCalls - billedCalls;
    if (deltaCents === 0 && callsDelta === 0) continue;
    const calls = `${callsDelta > 0 ? "+" : ""}${callsDelta} appel${Math.abs(callsDelta) > 1 ? "s" : ""} facturable${Math.abs(callsDelta) > 1 ? "s" : ""}`;
    corrections.push({ label: `Régularisation de ${formatMonth(statement.month)} (relevé ${statement.number}) : ${calls}`, quantity: 1, unitCents: deltaCents, amountCents: deltaCents, correctionOf: statement.month, callsDelta });
  }
  return corrections;
}

/** Whether a month is over on the Paris calendar at `now`. */
export function monthEnded(month: string, now: Date): boolean {
  return periodHolding("mois", month).to < parisDayOf(now).date;
}

/**
 * Issues a practice's statement of a month, once: numbered in the year's series without a gap (the counter's
 * row is locked until the statement is written), with the practice and the issuer as they are today, on the
 * audit trail. The month must be over and priced by a contract; the issuer must be known.
 */
export async function issueStatement(db: CentralDb, practiceId: string, month: string, userId: string, now: Date): Promise<StatementRow> {
  if (!monthEnded(month, now)) throw new ApiError(409, "month_open", `Le mois de ${formatMonth(month)} n'est pas terminé : son relevé s'émet à partir du 1er du mois suivant.`);
  return db.transaction(async (tx) => {
    // One issue at a time per practice: the second waits, then finds the statement issued.
    const [practice] = await tx.select().from(practices).where(eq(practices.id, practiceId)).for("update");
    if (!practice) throw new ApiError(404, "not_found", "Cabinet introuvable.");
    const [existing] = await tx.select({ number: billingStatements.number }).from(billingStatements).where(and(eq(billingStatements.practiceId, practiceId), eq(billingStatements.month, month)));
    if (existing) throw new ApiError(409, "already_issued", `Le relevé de ${formatMonth(month)} est déjà émis (n° ${existing.number}).`);
    const [issuer] = await tx.select().from(billingIssuers).where(eq(billingIssuers.id, 1));
    if (!issuer) throw new ApiError(409, "no_issuer", "Renseignez d'abord l'émetteur des relevés (raison sociale, adresse, SIREN).");
    const draft = await draftStatement(tx, practiceId, month);
    if (!draft) throw new ApiError(409, "no_contract", `Aucun contrat ne fixe les prix de ${practice.name} en ${formatMonth(month)}.`);
    const year = Number(parisDayOf(now).date.slice(0, 4));
    const counter = await tx.execute<{ last: number }>(sql`
      INSERT INTO billing_counter (year, last) VALUES (${year}, 1)
      ON CONFLICT (year) DO UPDATE SET last = billing_counter.last + 1 RETURNING last`);
    const number = `${year}-${String(counter.rows[0]!.last).padStart(5, "0")}`;
    const { street, postalCode, city } = practice.address;
    const [statement] = await tx
      .insert(billingStatements)
      .values({
        id: randomUUID(),
        practiceId,
        month,
        number,
        issuedAt: now,
        issuedBy: userId,
        contractId: draft.contract.id,
        practiceName: practice.name,
        practiceAddress: `${street}\n${postalCode} ${city}`,
        issuer: issuer.details,
        lines: draft.lines,
        billableCalls: draft.counts.billableCalls,
        outOfHoursCalls: draft.counts.outOfHoursCalls,
        monthAmountCents: draft.monthAmountCents,
        totalHtCents: draft.totalHtCents,
        vatRateBp: draft.contract.vatRateBp,
        vatCents: draft.vatCents,
        totalTtcCents: draft.totalTtcCents,
      })
      .returning();
    await tx.insert(auditEvents).values({
      id: timeOrderedId(now.getTime()),
      at: now,
      userId,
      practiceId,
      action: "billing.statement.issue",
      entity: "billing_statement",
      entityId: statement!.id,
      details: { number, month },
    });
    return statement!;
  });
}
