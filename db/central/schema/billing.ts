import { bigint, date, integer, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
import type { CallOutcome } from "../../../shared/domain/enums";
import type { BillingIssuer, StatementLine } from "../../../shared/domain/billing";
import { BILLING_PRICINGS } from "../../../shared/domain/billing";
import { instant, json } from "./columns";
import { practices } from "./practice";
import { users } from "./user";

/**
 * Central only (issue 19): what a practice pays, from the first day of a month on. A change is a new
 * version from a later month: a month already invoiced keeps the contract it was invoiced with.
 */
export const billingContracts = pgTable(
  "billing_contract",
  {
    id: uuid().primaryKey(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    /** The first day of the first month it prices. */
    effectiveFrom: date({ mode: "string" }).notNull(),
    pricing: text({ enum: BILLING_PRICINGS }).notNull(),
    /** « par_appel »: each billable call. */
    pricePerCallCents: integer(),
    /** « forfait »: the month's fee, the calls it includes, each call beyond. */
    monthlyFeeCents: integer(),
    includedCalls: integer(),
    extraCallCents: integer(),
    /** Added to each billable call answered out of hours (evenings, nights, weekends, public holidays). */
    outOfHoursCents: integer().notNull().default(0),
    /** Added each month for a round-the-clock service (24 h/24, 7 j/7). */
    onCallMonthlyCents: integer().notNull().default(0),
    billableOutcomes: json<CallOutcome[]>().notNull(),
    /** In basis points: 2000 is 20 %. */
    vatRateBp: smallint().notNull(),
    createdAt: instant().notNull(),
    createdBy: uuid().references(() => users.id),
  },
  (table) => [unique("billing_contract_practice_from_key").on(table.practiceId, table.effectiveFrom)],
);

/** Central only: who issues the statements, as printed on them (one row). */
export const billingIssuers = pgTable("billing_issuer", {
  id: smallint().primaryKey(),
  details: json<BillingIssuer>().notNull(),
  updatedAt: instant().notNull(),
});

/** Central only: each year's last statement number, taken under lock, so numbers follow without a gap. */
export const billingCounters = pgTable("billing_counter", {
  year: smallint().primaryKey(),
  last: integer().notNull(),
});

/**
 * Central only: a practice's statement of one month, issued once and never changed (a trigger refuses it):
 * what a later change to the month's calls makes owed or not goes into the next statement as a correction.
 */
export const billingStatements = pgTable(
  "billing_statement",
  {
    id: uuid().primaryKey(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    /** The first day of the month billed. */
    month: date({ mode: "string" }).notNull(),
    number: text().notNull().unique(),
    issuedAt: instant().notNull(),
    issuedBy: uuid().references(() => users.id),
    contractId: uuid()
      .notNull()
      .references(() => billingContracts.id),
    /** The practice and the issuer as printed that day. */
    practiceName: text().notNull(),
    practiceAddress: text().notNull(),
    issuer: json<BillingIssuer>().notNull(),
    lines: json<StatementLine[]>().notNull(),
    /** The month's own figures as billed, for the corrections of later statements. */
    billableCalls: integer().notNull(),
    outOfHoursCalls: integer().notNull(),
    /** The month's own lines' total before tax (corrections of earlier months aside). */
    monthAmountCents: bigint({ mode: "number" }).notNull(),
    totalHtCents: bigint({ mode: "number" }).notNull(),
    vatRateBp: smallint().notNull(),
    vatCents: bigint({ mode: "number" }).notNull(),
    totalTtcCents: bigint({ mode: "number" }).notNull(),
  },
  (table) => [unique("billing_statement_practice_month_key").on(table.practiceId, table.month)],
);
