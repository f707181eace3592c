import { DIRECTIVE_CATEGORIES } from "../../../shared/domain/enums";
import type { DirectiveView, PracticeCard } from "../../../shared/api/views";
import { newPatientPolicyText } from "../../../shared/domain/newPatientPolicy";
import { valueOr } from "./loadable";
import type { DirectivesState } from "./directivesStore";

const NO_DIRECTIVES: DirectiveView[] = [];
const frenchCollator = new Intl.Collator("fr-FR");

function compareForDisplay(a: DirectiveView, b: DirectiveView): number {
  const urgentFirst = Number(b.category === "urgence") - Number(a.category === "urgence");
  if (urgentFirst !== 0) return urgentFirst;
  // A higher priority number means a more important consigne.
  if (a.priority !== b.priority) return b.priority - a.priority;
  const byCategory = DIRECTIVE_CATEGORIES.indexOf(a.category) - DIRECTIVE_CATEGORIES.indexOf(b.category);
  if (byCategory !== 0) return byCategory;
  return frenchCollator.compare(a.title, b.title);
}

/**
 * The order the secretary reads them in: emergencies first (what to do when the caller says
 * "chest pain" cannot be below the fold), then by priority, then by category and title.
 */
export function selectDirectivesInDisplayOrder(state: DirectivesState): DirectiveView[] {
  const directives = valueOr(state.directives, NO_DIRECTIVES);
  return directives.length === 0 ? NO_DIRECTIVES : [...directives].sort(compareForDisplay);
}

/** The id of the consigne written from the practitioners' new-patient settings (never stored). */
export const NEW_PATIENT_POLICY_ID = "reglages-nouveaux-patients";

/**
 * The consignes shown for a practice: the stored ones, and the new-patient consigne written from its
 * practitioners' settings, in the display order. It follows the settings as the practice card does.
 */
export function withNewPatientPolicy(directives: DirectiveView[], practice: PracticeCard | null): DirectiveView[] {
  const text = practice ? newPatientPolicyText(practice.practitioners) : null;
  if (!practice || text === null) return directives;
  const policy: DirectiveView = {
    id: NEW_PATIENT_POLICY_ID,
    practiceId: practice.id,
    practitionerId: null,
    category: "nouveaux_patients",
    title: "Nouveaux patients",
    text,
    priority: 50,
    validFrom: null,
    validTo: null,
  };
  return [...directives, policy].sort(compareForDisplay);
}

/** A directive with a validity bound is temporary ("Dr X absent jusqu'au …"). */
export function isTemporaryDirective(directive: DirectiveView): boolean {
  return directive.validFrom !== null || directive.validTo !== null;
}
