import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";

/**
 * Whether an SMS can reach a number: a mobile, French or not, by libphonenumber's own numbering plans
 * (the "mobile" metadata: the only one that tells mobiles from landlines). "FIXED_LINE_OR_MOBILE" (some
 * countries do not tell them apart) counts as mobile; landlines, premium and unknown numbers do not.
 * Kept apart from phone.ts: the workstation's bundle needs only the smaller "min" metadata.
 */
export function isMobileNumber(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || !parsed.isValid()) return false;
  const type = parsed.getType();
  return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
}
