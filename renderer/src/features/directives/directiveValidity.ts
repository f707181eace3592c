import type { DirectiveView } from "../../../../shared/api/views";
import { formatInclusiveEnd, formatInstantDateTime } from "../../format/dates";

/**
 * "du 01/12/2026 au 05/12/2026", or the one bound a temporary consigne has; null when it always applies.
 * Its end is stored as the midnight after its last day: the last day is what is said, as it was entered.
 */
export function directiveValidity(directive: Pick<DirectiveView, "validFrom" | "validTo">): string | null {
  const { validFrom, validTo } = directive;
  const end = validTo ? formatInclusiveEnd(validTo) : null;
  if (validFrom && end) return `du ${formatInstantDateTime(validFrom)} au ${end.text}`;
  if (validFrom) return `à partir du ${formatInstantDateTime(validFrom)}`;
  if (end) return `jusqu'au ${end.text}${end.wholeDay ? " inclus" : ""}`;
  return null;
}
