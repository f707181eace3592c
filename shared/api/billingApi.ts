import { z } from "zod";
import { billingContractInput, billingIssuer, BILLING_PRICINGS } from "../domain/billing";
import { CALL_OUTCOMES } from "../domain/enums";
import { id, instant } from "../domain/identifiers";
import { isoDate } from "../domain/schedules";

/** A month in a path: « 2026-11 ». */
export const billingMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM");

const cents = z.number().int();

export const statementLine = z.object({
  label: z.string(),
  quantity: z.number().int(),
  unitCents: cents,
  amountCents: cents,
  correctionOf: isoDate.optional(),
  callsDelta: z.number().int().optional(),
});

export const statementTotals = z.object({ totalHtCents: cents, vatCents: cents, totalTtcCents: cents });

export const billingContractView = z.object({
  id,
  practiceId: id,
  effectiveFrom: isoDate,
  pricing: z.enum(BILLING_PRICINGS),
  pricePerCallCents: cents.nullable(),
  monthlyFeeCents: cents.nullable(),
  includedCalls: z.number().int().nullable(),
  extraCallCents: cents.nullable(),
  outOfHoursCents: cents,
  onCallMonthlyCents: cents,
  billableOutcomes: z.array(z.enum(CALL_OUTCOMES)),
  vatRateBp: z.number().int(),
  createdAt: instant,
});
export type BillingContractView = z.infer<typeof billingContractView>;

export const billingStatementView = z.object({
  id,
  practiceId: id,
  month: isoDate,
  number: z.string(),
  issuedAt: instant,
  practiceName: z.string(),
  lines: z.array(statementLine),
  billableCalls: z.number().int(),
  outOfHoursCalls: z.number().int(),
  vatRateBp: z.number().int(),
  ...statementTotals.shape,
});
export type BillingStatementView = z.infer<typeof billingStatementView>;

/** One practice's month: issued, to issue (what it would say now), or without a contract. */
export const billingMonthPractice = z.discriminatedUnion("status", [
  z.object({ status: z.literal("emis"), practiceId: id, practiceName: z.string(), statement: billingStatementView }),
  z.object({
    status: z.literal("a_emettre"),
    practiceId: id,
    practiceName: z.string(),
    draft: z.object({ lines: z.array(statementLine), billableCalls: z.number().int(), outOfHoursCalls: z.number().int(), vatRateBp: z.number().int(), ...statementTotals.shape }),
  }),
  z.object({ status: z.literal("sans_contrat"), practiceId: id, practiceName: z.string() }),
]);
export type BillingMonthPractice = z.infer<typeof billingMonthPractice>;

export const billingMonthView = z.object({
  month: isoDate,
  /** Whether the month is over: only then are its statements issued. */
  ended: z.boolean(),
  practices: z.array(billingMonthPractice),
  /** The agency's month: every practice's statement, issued or to issue. */
  agency: z.object({ billableCalls: z.number().int(), ...statementTotals.shape }),
});
export type BillingMonthView = z.infer<typeof billingMonthView>;

export { billingContractInput, billingIssuer };
export const billingIssuerAnswer = z.object({ issuer: billingIssuer.nullable() });
