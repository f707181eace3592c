import { createRequire } from "node:module";
import type * as PdfMake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatEuros, formatVatRate } from "../../shared/domain/billing";
import { addDaysToDate, parisDayOf } from "../../shared/domain/parisTime";
import { periodHolding } from "../../shared/domain/reportPeriods";
import { formatMonth, formatPlainDateFr } from "./statementFormat";
import type { StatementRow } from "./statements";

const require = createRequire(import.meta.url);

/** Inter (SIL Open Font License), embedded: the standard PDF fonts lack the narrow no-break space of French amounts. */
const FONT_FILES = {
  normal: "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
  bold: "@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf",
  italics: "@expo-google-fonts/inter/400Regular_Italic/Inter_400Regular_Italic.ttf",
  bolditalics: "@expo-google-fonts/inter/700Bold_Italic/Inter_700Bold_Italic.ttf",
};

let loaded: typeof PdfMake | undefined;

/** pdfmake, loaded on the first statement printed, reading nothing but its fonts (CVE-2026-26801: no URL). */
function pdfmake(): typeof PdfMake {
  if (loaded) return loaded;
  const library = require("pdfmake") as typeof PdfMake;
  const fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([style, file]) => [style, require.resolve(file)])) as Record<keyof typeof FONT_FILES, string>;
  library.setUrlAccessPolicy(() => false);
  library.setLocalAccessPolicy((path) => Object.values(fonts).includes(path));
  library.setFonts({ Inter: fonts });
  loaded = library;
  return library;
}

const right = (text: string, bold = false): Content => ({ text, alignment: "right", bold });

/**
 * A statement as a PDF: the issuer and the practice, the number, dates and period, a line per item, the
 * totals before tax, the VAT and all taxes included, and the payment terms French invoices state. Made
 * from the statement's row alone (what was issued), dated by its issue: the same bytes' text every time.
 */
export async function statementPdf(statement: StatementRow): Promise<Buffer> {
  const { issuer } = statement;
  const issued = parisDayOf(statement.issuedAt).date;
  const period = periodHolding("mois", statement.month);
  const document: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [40, 50, 40, 60],
    defaultStyle: { font: "Inter", fontSize: 9 },
    info: { title: `Relevé ${statement.number}`, author: issuer.name, creationDate: statement.issuedAt },
    footer: (page, pages) => ({ text: `Relevé n° ${statement.number} — page ${page} sur ${pages}`, alignment: "right", margin: [0, 20, 40, 0], fontSize: 8 }),
    content: [
      {
        columns: [
          [
            { text: issuer.name, bold: true, fontSize: 11 },
            { text: issuer.address },
            { text: `SIREN ${issuer.siren}` },
            ...(issuer.vatNumber ? [{ text: `TVA intracommunautaire ${issuer.vatNumber}` }] : []),
          ],
          [{ text: statement.practiceName, bold: true, fontSize: 11 }, { text: statement.practiceAddress }],
        ],
        columnGap: 40,
      },
      { text: `Relevé de prestations n° ${statement.number}`, fontSize: 14, bold: true, margin: [0, 24, 0, 4] },
      { text: `Émis le ${formatPlainDateFr(issued)} — prestations de télésecrétariat du ${formatPlainDateFr(period.from)} au ${formatPlainDateFr(period.to)} (${formatMonth(statement.month)})` },
      { text: `Appels facturables : ${statement.billableCalls}, dont ${statement.outOfHoursCalls} hors heures ouvrées.`, margin: [0, 2, 0, 12] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ["*", "auto", "auto", "auto"],
          body: [
            [{ text: "Désignation", bold: true }, right("Quantité", true), right("Prix unitaire HT", true), right("Montant HT", true)],
            ...statement.lines.map((line) => [line.label, right(String(line.quantity)), right(formatEuros(line.unitCents)), right(formatEuros(line.amountCents))]),
          ],
        },
        layout: "lightHorizontalLines",
      },
      {
        margin: [0, 12, 0, 0],
        table: {
          widths: ["*", "auto"],
          body: [
            [right("Total HT"), right(formatEuros(statement.totalHtCents))],
            [right(`TVA ${formatVatRate(statement.vatRateBp)} sur ${formatEuros(statement.totalHtCents)}`), right(formatEuros(statement.vatCents))],
            [right("Total TTC", true), right(formatEuros(statement.totalTtcCents), true)],
          ],
        },
        layout: "noBorders",
      },
      {
        margin: [0, 24, 0, 0],
        fontSize: 8,
        stack: [
          `À régler au plus tard le ${formatPlainDateFr(addDaysToDate(issued, issuer.paymentDays))}. Pas d'escompte pour paiement anticipé.`,
          `Pénalités de retard : ${issuer.latePenalty}. Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €.`,
        ],
      },
    ],
  };
  return pdfmake().createPdf(document).getBuffer();
}
