import { join } from "node:path";
import { isNull } from "drizzle-orm";
import { patients } from "../../db/central/schema";
import type { CentralDatabase } from "../../db/central/centralDatabase";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { formatPhoneForDisplay } from "../../shared/domain/phone";

/** What of a patient must never appear in a log. */
export interface PatientIdentity {
  birthName: string;
  usedName: string | null;
  phones: readonly string[];
}

/**
 * The lines quoting a patient: their names (as words, any case, four letters or more: shorter ones are
 * too often parts of ordinary words) or their phone numbers, international or as a secretary writes
 * them. Returns the offending lines, each with what it quoted.
 */
export function linesQuoting(identities: Iterable<PatientIdentity>, lines: readonly string[]): string[] {
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const patient of identities) {
    for (const name of [patient.birthName, patient.usedName]) if (name && name.length >= 4) names.add(name.toLocaleLowerCase("fr-FR"));
    for (const phone of patient.phones) {
      const national = formatPhoneForDisplay(phone);
      numbers.add(phone);
      numbers.add(national);
      numbers.add(national.replaceAll(" ", ""));
      // "+33 6 12 34 56 78": the international form with spaces.
      if (phone.startsWith("+33") && national.startsWith("0")) numbers.add(`+33 ${national.slice(1)}`);
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

/** Against every patient of the central database, purged ones excepted (their names are gone). */
export async function linesQuotingPatients(db: CentralDatabase, lines: readonly string[]): Promise<string[]> {
  if (lines.length === 0) return [];
  const rows = await db.select({ birthName: patients.birthName, usedName: patients.usedName, phones: patients.phones }).from(patients).where(isNull(patients.deletedAt));
  return linesQuoting(rows, lines);
}

/** Against every patient of a workstation's encrypted store (a seeded one, without a server), read with its key file. */
export async function linesQuotingStorePatients(dataDir: string, storeFile: string, lines: readonly string[]): Promise<string[]> {
  if (lines.length === 0) return [];
  const key = await keyFileProvider(join(dataDir, "store.key")).readKey();
  const store = openLocalStore({ path: join(dataDir, storeFile), key: key! });
  try {
    const rows = store.sqlite.prepare("SELECT birth_name, used_name, phones FROM patient").all() as Array<{ birth_name: string; used_name: string | null; phones: string }>;
    return linesQuoting(
      rows.map((row) => ({ birthName: row.birth_name, usedName: row.used_name, phones: JSON.parse(row.phones) as string[] })),
      lines,
    );
  } finally {
    store.close();
  }
}
