import { stringify } from "csv-stringify/sync";
import { decimalEuros, formatVatRate } from "../../shared/domain/billing";
import { formatPlainDateFr } from "./statementFormat";
import type { StatementRow } from "./statements";

const AMOUNT_COLUMNS = new Set(["unit", "amount"]);

/**
 * A statement for a spreadsheet: UTF-8 with a byte order mark (Excel reads it as UTF-8), « ; » between fields
 * and a decimal comma as French Excel expects, CRLF lines; amounts as numbers (no « € », no grouping); a text
 * beginning like a formula is neutralised (csv-stringify's escape_formulas).
 */
export function statementCsv(statement: StatementRow): string {
  const head = { statement: statement.number, month: formatPlainDateFr(statement.month).slice(3), practice: statement.practiceName };
  const rows = [
    ...statement.lines.map((line) => ({ ...head, label: line.label, quantity: line.quantity, unit: line.unitCents, amount: line.amountCents })),
    { ...head, label: "Total HT", quantity: "", unit: "", amount: statement.totalHtCents },
    { ...head, label: `TVA ${formatVatRate(statement.vatRateBp)}`, quantity: "", unit: "", amount: statement.vatCents },
    { ...head, label: "Total TTC", quantity: "", unit: "", amount: statement.totalTtcCents },
  ];
  return stringify(rows, {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    escape_formulas: true,
    header: true,
    columns: [
      { key: "statement", header: "Relevé" },
      { key: "month", header: "Mois" },
      { key: "practice", header: "Cabinet" },
      { key: "label", header: "Désignation" },
      { key: "quantity", header: "Quantité" },
      { key: "unit", header: "Prix unitaire HT (€)" },
      { key: "amount", header: "Montant (€)" },
    ],
    cast: { number: (value, context) => (AMOUNT_COLUMNS.has(String(context.column)) ? decimalEuros(value) : String(value)) },
  });
}
