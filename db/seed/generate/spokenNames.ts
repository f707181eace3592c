import type { PractitionerRow } from "./rows";

type Named = Pick<PractitionerRow, "title" | "lastName">;

/** "Dr Roy", "Mme Leroy": how a practitioner is listed. */
export const listedName = ({ title, lastName }: Named) => `${title} ${lastName}`;

/**
 * How a practitioner is named inside a French sentence: "le Dr Roy", and with "de"/"à" the
 * contractions "du Dr Roy", "au Dr Roy"; "Mme Leroy" takes no article.
 */
export function designate(practitioner: Named, preposition?: "de" | "à"): string {
  const name = listedName(practitioner);
  if (practitioner.title !== "Dr") return preposition ? `${preposition} ${name}` : name;
  if (preposition === "de") return `du ${name}`;
  if (preposition === "à") return `au ${name}`;
  return `le ${name}`;
}
