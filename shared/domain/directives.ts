import type { DirectiveCategory } from "./enums";

/**
 * The order a secretary reads directives in: emergencies first (a life may depend on it), then
 * temporary ones (they override the usual rules), then by the doctor's priority.
 */
export interface OrderableDirective {
  category: DirectiveCategory;
  priority: number;
  validTo: string | null;
  title: string;
}

export function compareDirectives(a: OrderableDirective, b: OrderableDirective): number {
  return (
    rank(a.category === "urgence", b.category === "urgence") ||
    rank(a.validTo !== null, b.validTo !== null) ||
    b.priority - a.priority ||
    a.title.localeCompare(b.title, "fr")
  );
}

const rank = (aFirst: boolean, bFirst: boolean) => Number(bFirst) - Number(aFirst);

/** Whether a directive with these bounds applies at `at` (bounds are inclusive start, exclusive end). */
export function isInForce(validFrom: string | null, validTo: string | null, at: string): boolean {
  const instant = Date.parse(at);
  return (validFrom === null || Date.parse(validFrom) <= instant) && (validTo === null || instant < Date.parse(validTo));
}
