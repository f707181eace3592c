import { isNull } from "drizzle-orm";
import { patients } from "../../db/central/schema";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { formatPhoneForDisplay } from "../../shared/domain/phone";

/**
 * What must never appear in a log: every seeded patient's names (as words, any case, four letters or
 * more: shorter ones are too often parts of ordinary words) and phone numbers, international and as
 * a secretary writes them. Returns the offending lines, each with what it quoted.
 */
export async function linesQuotingPatients(db: CentralDatabase, lines: readonly string[]): Promise<string[]> {
  if (lines.length === 0) return [];
  const rows = await db.select({ birthName: patients.birthName, usedName: patients.usedName, phones: patients.phones }).from(patients).where(isNull(patients.deletedAt));
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const row of rows) {
    for (const name of [row.birthName, row.usedName]) if (name && name.length >= 4) names.add(name.toLocaleLowerCase("fr-FR"));
    for (const phone of row.phones) {
      numbers.add(phone);
      numbers.add(formatPhoneForDisplay(phone));
      numbers.add(formatPhoneForDisplay(phone).replaceAll(" ", ""));
    }
  }
  const offending: string[] = [];
  for (const line of lines) {
    const words = new Set(line.toLocaleLowerCase("fr-FR").split(/[^\p{L}\p{N}'-]+/u));
    const name = [...names].find((candidate) => words.has(candidate));
    const number = [...numbers].find((candidate) => line.includes(candidate));
    if (name || number) offending.push(`${line}  ← ${name ?? number}`);
  }
  return offending;
}
