import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * Turns any way a French number is written ("01 23 45 67 89", "+33 1 23 45 67 89",
 * "0033123456789", "01.23.45.67.89") into E.164, the only form stored and compared.
 * Returns null when the text is not a valid number, so callers never store a guess.
 */
export function toE164(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()/]/g, "");
  if (compact === "") return null;
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  const parsed = parsePhoneNumberFromString(international, "FR");
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** French national display: "01 23 45 67 89"; foreign numbers keep their international form. */
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === "FR" ? parsed.formatNational() : parsed.formatInternational();
}
