import { DIRECTIVE_CATEGORIES } from "../../../shared/domain/enums";
import type { DirectiveView } from "../../../shared/api/views";
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

/** A directive with a validity bound is temporary ("Dr X absent jusqu'au …"). */
export function isTemporaryDirective(directive: DirectiveView): boolean {
  return directive.validFrom !== null || directive.validTo !== null;
}
