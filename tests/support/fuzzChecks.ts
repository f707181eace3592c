import type pg from "pg";
import { errorBody } from "../../shared/api/wire";

/** Row counts of every table of the public schema, read in one statement. */
export async function tableCounter(pool: pg.Pool): Promise<() => Promise<Record<string, number>>> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  if (rows.length === 0) throw new Error("aucune table à compter");
  const text = `SELECT ${rows.map(({ name }) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`).join(", ")}`;
  return async () => (await pool.query<Record<string, number>>(text)).rows[0]!;
}

/** The tables whose count differs. */
export function changedTables(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

const QUOTED = /«[^»]*»|"[^"]*"/g;
const ENGLISH = /\b(invalid|expected|required|received|must|cannot|can't|not found|unsupported|too (?:large|big|small|long|many)|error|bad request|forbidden|unauthori[sz]ed|failed|missing|unknown|the|should|client|exceeded|maximum)\b/i;
const FRENCH = /[éèêëàâçùûîïôœ]|\b(?:le|la|les|du|de|des|un|une|est|pas|au|aux|ou|et|en|ce|vous|votre|requise?|reconnectez|requête|invalide|trop|manquant|attendue?s?|introuvable|interdite?s?|refusée?s?|réessayez)\b/i;

/** A French sentence for people: some French, no English words of errors (quoted input aside). */
export function looksFrench(message: string): boolean {
  const own = message.replace(QUOTED, "");
  return message.trim().length > 0 && FRENCH.test(own) && !ENGLISH.test(own);
}

/**
 * Why a 4xx answer breaks the error contract (`{error:{code, message}}`, the message in French and
 * short enough not to echo a huge input back), or null when it does not.
 */
export function errorShapeProblem(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `corps qui n'est pas du JSON : ${body.slice(0, 200)}`;
  }
  const shape = errorBody.safeParse(parsed);
  if (!shape.success) return `corps hors forme {error:{code,message}} : ${body.slice(0, 200)}`;
  const { code, message } = shape.data.error;
  if (!/^[a-z_]+$/.test(code)) return `code d'erreur inattendu : ${code}`;
  if (!looksFrench(message)) return `message qui n'a pas l'air français : ${message.slice(0, 200)}`;
  if (message.length > 2_000) return `message de ${message.length} caractères`;
  return null;
}

/** Properties every object inherits: a fuzz run must leave them as they were. */
export function prototypeSnapshot(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype), Object.keys(Object.prototype)]);
}
