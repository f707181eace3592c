/**
 * Whether a patient's reply to an SMS asks for no more (issue 17): « STOP », « Stop SMS », « arrêt »… as the
 * French operators' STOP convention reads it — the first word, whatever its case and accents.
 */
const STOP_WORDS = new Set(["STOP", "ARRET", "ARRETER", "DESABONNER", "DESINSCRIPTION", "UNSUBSCRIBE"]);

export function isStopReply(text: string): boolean {
  const first = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toUpperCase()
    .split(/[^A-Z]+/)
    .find((word) => word.length > 0);
  return first !== undefined && STOP_WORDS.has(first);
}
