/**
 * How long an SMS is in parts (3GPP TS 23.038 and 23.040): text that the GSM 7-bit alphabet holds takes
 * 160 characters in one part, 153 a part beyond (the rest carries the concatenation header); anything else
 * travels in UCS-2, 70 characters in one part, 67 a part beyond. French loses GSM-7 to a single « ê », « â »,
 * « î », « ô », « û », « ë », « ï » or lower-case « ç »: the template's editor says so.
 */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** Characters of the extension table: two septets each (an escape, then the character). */
const GSM7_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export interface SmsLength {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  parts: number;
  /** The first characters that force UCS-2, for the editor to name (none in GSM-7). */
  outsideGsm7: string[];
}

export function smsLength(text: string): SmsLength {
  const outside = [...new Set([...text].filter((char) => !basic.has(char) && !extension.has(char)))];
  if (outside.length === 0) {
    const units = [...text].reduce((total, char) => total + (extension.has(char) ? 2 : 1), 0);
    return { encoding: "GSM-7", units, parts: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153), outsideGsm7: [] };
  }
  const units = text.length;
  return { encoding: "UCS-2", units, parts: units <= 70 ? 1 : Math.ceil(units / 67), outsideGsm7: outside.slice(0, 5) };
}
