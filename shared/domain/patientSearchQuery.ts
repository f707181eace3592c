import { nameWords } from "./nameFolding";

/**
 * What a secretary types in the patient search box, understood: a birth date ("12/03/1985"),
 * phone digits ("06 12 34") or name prefixes ("dup hel"). Each kind is searched by its own index.
 */
export type PatientSearchQuery =
  | { kind: "birthDate"; isoDate: string }
  | { kind: "phone"; nationalDigits: string }
  | { kind: "name"; prefixes: string[] }
  | { kind: "empty" };

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parsePatientSearch(text: string): PatientSearchQuery {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };

  const isoDate = toIsoDate(trimmed);
  if (isoDate) return { kind: "birthDate", isoDate };

  const digits = trimmed.replace(/[\s.\-()]/g, "");
  if (/^\+?\d{2,}$/.test(digits)) return { kind: "phone", nationalDigits: toNationalDigits(digits) };

  const prefixes = nameWords(trimmed);
  return prefixes.length === 0 ? { kind: "empty" } : { kind: "name", prefixes };
}

function toIsoDate(text: string): string | null {
  const french = FRENCH_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : null;
}

/** "+33612…", "0033612…" and "0612…" all become "0612…": the digits as a French secretary reads them. */
export function toNationalDigits(digits: string): string {
  const plain = digits.replace(/^\+/, "");
  if (plain.startsWith("0033")) return `0${plain.slice(4)}`;
  if (digits.startsWith("+33")) return `0${plain.slice(2)}`;
  return plain;
}

/** The national digits of an E.164 number, for the phone-prefix index ("+33612345678" → "0612345678"). */
export function e164ToNationalDigits(e164: string): string {
  return toNationalDigits(e164);
}
