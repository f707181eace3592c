import { z } from "zod";
import { CALL_OUTCOMES, type CallOutcome } from "./enums";
import { isPublicHoliday } from "./frenchHolidays";
import { dayOfIsoDate, isoWeekdayOfDay } from "./parisDays";
import { isoDate } from "./schedules";

/**
 * Billing the practices (issue 19): a contract per practice, a statement per month. Money is whole euro
 * cents in JavaScript numbers (exact up to 90 thousand billion euros), VAT rates in basis points; the only
 * rounding is the VAT's, once on the total before tax, half away from zero to the cent (EN 16931 BR-CO-17).
 */
export const BILLING_PRICINGS = ["par_appel", "forfait"] as const;
export type BillingPricing = (typeof BILLING_PRICINGS)[number];

const cents = z.number().int("Montant en centimes entiers").min(0, "Montant négatif").max(100_000_000, "Montant trop élevé");

/** A contract as an administrator sets it; the prices its pricing needs are required. */
export const billingContractInput = z
  .strictObject({
    effectiveFrom: isoDate.refine((date) => date.endsWith("-01"), "Un contrat prend effet le 1er d'un mois"),
    pricing: z.enum(BILLING_PRICINGS),
    pricePerCallCents: cents.nullable(),
    monthlyFeeCents: cents.nullable(),
    includedCalls: z.number().int().min(0).max(1_000_000).nullable(),
    extraCallCents: cents.nullable(),
    outOfHoursCents: cents,
    onCallMonthlyCents: cents,
    billableOutcomes: z.array(z.enum(CALL_OUTCOMES)).min(1, "Au moins une issue facturable").max(CALL_OUTCOMES.length),
    vatRateBp: z.number().int().min(0, "Taux de TVA négatif").max(10_000, "Taux de TVA trop élevé"),
  })
  .refine((contract) => contract.pricing !== "par_appel" || contract.pricePerCallCents !== null, { message: "Prix par appel manquant", path: ["pricePerCallCents"] })
  .refine((contract) => contract.pricing !== "forfait" || (contract.monthlyFeeCents !== null && contract.includedCalls !== null && contract.extraCallCents !== null), {
    message: "Forfait incomplet : prix mensuel, appels inclus et prix de l'appel en plus",
    path: ["monthlyFeeCents"],
  });
export type BillingContractInput = z.infer<typeof billingContractInput>;
export type BillingContract = BillingContractInput & { id: string; practiceId: string };

/** Text kept as JSON: PostgreSQL's jsonb refuses half a surrogate pair (a character cut in two). */
const wholeText = (max: number, missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(max)
    .refine((text) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), "Texte mal formé : un caractère y est coupé");

/** Who issues the statements, as printed on them (mentions of a French invoice). */
export const billingIssuer = z.strictObject({
  name: wholeText(200, "Raison sociale manquante"),
  address: wholeText(500, "Adresse manquante"),
  siren: z.string().regex(/^\d{9}$/, "SIREN : 9 chiffres"),
  vatNumber: z.string().regex(/^FR[0-9A-Z]{2}\d{9}$/, "Numéro de TVA intracommunautaire attendu (FR + 11 caractères)").nullable(),
  /** Days from the statement's date to its due date (45 at most for a periodic invoice). */
  paymentDays: z.number().int().min(0).max(45, "45 jours au plus pour une facture périodique"),
  /** The late-payment penalties' rate, as printed. */
  latePenalty: wholeText(300, "Taux des pénalités de retard manquant"),
});
export type BillingIssuer = z.infer<typeof billingIssuer>;

/** One line of a statement: the month's own, or a correction of an earlier month (`correctionOf`: "YYYY-MM-01"). */
export interface StatementLine {
  label: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
  correctionOf?: string;
  /** A correction's billable calls more (or fewer) than billed for that month so far. */
  callsDelta?: number;
}

/** What a month's calls weigh on its statement. */
export interface MonthCounts {
  billableCalls: number;
  outOfHoursCalls: number;
}

type Pricing = Pick<BillingContractInput, "pricing" | "pricePerCallCents" | "monthlyFeeCents" | "includedCalls" | "extraCallCents" | "outOfHoursCents" | "onCallMonthlyCents">;

const line = (label: string, quantity: number, unitCents: number): StatementLine => ({ label, quantity, unitCents, amountCents: quantity * unitCents });

/** A month's own lines under a contract: the calls or the package, the surcharges. */
export function monthLines(contract: Pricing, counts: MonthCounts): StatementLine[] {
  const lines: StatementLine[] = [];
  if (contract.pricing === "par_appel") {
    lines.push(line("Appels facturables", counts.billableCalls, contract.pricePerCallCents ?? 0));
  } else {
    const included = contract.includedCalls ?? 0;
    lines.push(line(`Forfait mensuel (${included} appels inclus)`, 1, contract.monthlyFeeCents ?? 0));
    const extra = Math.max(0, counts.billableCalls - included);
    if (extra > 0) lines.push(line("Appels au-delà du forfait", extra, contract.extraCallCents ?? 0));
  }
  if (contract.outOfHoursCents > 0 && counts.outOfHoursCalls > 0) lines.push(line("Majoration hors heures ouvrées", counts.outOfHoursCalls, contract.outOfHoursCents));
  if (contract.onCallMonthlyCents > 0) lines.push(line("Permanence 24 h/24, 7 j/7", 1, contract.onCallMonthlyCents));
  return lines;
}

/** The sum of amounts. */
export function amountOf(lines: readonly StatementLine[]): number {
  return lines.reduce((sum, entry) => sum + entry.amountCents, 0);
}

/** The VAT on a total before tax, rounded half away from zero to the cent. */
export function vatOf(totalHtCents: number, rateBp: number): number {
  const product = totalHtCents * rateBp;
  if (!Number.isSafeInteger(product)) throw new RangeError("montant hors limites");
  return Math.sign(product) * Math.floor((Math.abs(product) + 5_000) / 10_000);
}

/** A statement's totals: before tax, the VAT, all taxes included. */
export function statementTotals(lines: readonly StatementLine[], rateBp: number): { totalHtCents: number; vatCents: number; totalTtcCents: number } {
  const totalHtCents = amountOf(lines);
  const vatCents = vatOf(totalHtCents, rateBp);
  return { totalHtCents, vatCents, totalTtcCents: totalHtCents + vatCents };
}

/**
 * Out of the agency's hours, for the surcharge: before 8 h or from 19 h on a weekday, Saturdays, Sundays and
 * public holidays (metropolitan France), on the Paris wall clock.
 */
export function isOutOfHours(date: string, hour: number): boolean {
  const day = dayOfIsoDate(date);
  return isoWeekdayOfDay(day) >= 6 || isPublicHoliday(day) || hour < 8 || hour >= 19;
}

/** The outcomes a contract bills when none are chosen: every call handled for the practice. */
export const DEFAULT_BILLABLE_OUTCOMES: readonly CallOutcome[] = CALL_OUTCOMES.filter((outcome) => outcome !== "autre");

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** « 1 234,56 € » with no-break spaces that every font has (Intl's narrow one is missing from many). */
export function formatEuros(amountCents: number): string {
  return euros.format(amountCents / 100).replace(/\u202f/g, "\u00a0");
}

/** « 1234,56 »: a decimal comma, no grouping, for a spreadsheet to read as a number. */
export function decimalEuros(amountCents: number): string {
  const sign = amountCents < 0 ? "-" : "";
  const absolute = Math.abs(amountCents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

/** « 20 % », « 5,5 % ». */
export function formatVatRate(rateBp: number): string {
  return `${(rateBp / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2 })}\u00a0%`;
}

/** « 0,95 », « 1 234,5 », « 12 » → cents; null for anything else (at most two decimals, never negative). */
export function parseEuros(text: string): number | null {
  const match = /^(\d{1,7})(?:[,.](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}
