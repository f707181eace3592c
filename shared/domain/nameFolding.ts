/**
 * Folding makes "Hélène", "HELENE" and "helene" one key, and splits compound names
 * ("Le Goff-Kerébel") into their words, so a secretary finds a patient however she types.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/** The distinct folded words of some names, in first-seen order. */
export function nameWords(...names: ReadonlyArray<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const word of foldText(name).split(/[^\p{L}\p{N}]+/u)) {
      if (word !== "") words.add(word);
    }
  }
  return [...words];
}
