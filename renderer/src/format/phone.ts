import { formatPhoneForDisplay, toE164 } from "../../../shared/domain/phone";

/** A number as a French secretary reads it ("01 23 45 67 89"); text that is no valid number is shown as typed. */
export function displayPhoneNumber(text: string): string {
  const e164 = toE164(text);
  return e164 ? formatPhoneForDisplay(e164) : text.trim();
}
