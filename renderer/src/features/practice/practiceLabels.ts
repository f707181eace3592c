import type { CoverageMode, NewPatientPolicy, PracticeKind } from "../../../../shared/domain/enums";
import type { PractitionerView } from "../../../../shared/api/views";
import { NBSP } from "../../format/typography";

/** The French words for the practice vocabularies, as the secretary says them on the phone. */
export const PRACTICE_KIND_LABELS: Record<PracticeKind, string> = {
  cabinet: "Cabinet",
  maison_de_sante: "Maison de santé",
  centre_de_sante: "Centre de santé",
  cabinet_paramedical: "Cabinet paramédical",
};

export const COVERAGE_MODE_LABELS: Record<CoverageMode, string> = {
  debordement: "Débordement",
  hors_horaires: "Hors horaires",
  astreinte_24_7: `Astreinte 24${NBSP}h/24, 7${NBSP}j/7`,
};

export const NEW_PATIENT_POLICY_LABELS: Record<NewPatientPolicy, string> = {
  oui: "Accepte les nouveaux patients",
  non: "N'accepte pas de nouveaux patients",
  demander_au_medecin: `Nouveaux patients${NBSP}: demander au médecin`,
};

// One name for a practitioner across the product (shared/domain/practitionerName.ts).
export { practitionerName } from "../../../../shared/domain/practitionerName";

/** "Dr Martin": the title and last name only, where space is short (a free slot chip). */
export function practitionerShortName(practitioner: Pick<PractitionerView, "title" | "lastName">): string {
  return [practitioner.title, practitioner.lastName].filter((part) => part !== "").join(" ");
}
