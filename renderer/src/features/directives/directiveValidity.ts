import type { DirectiveView } from "../../../../shared/api/views";
import { formatInstantDateTime } from "../../format/dates";

/** "du 06/01/2025 au 12/01/2025", or the one bound a temporary consigne has; null when it always applies. */
export function directiveValidity(directive: Pick<DirectiveView, "validFrom" | "validTo">): string | null {
  const { validFrom, validTo } = directive;
  if (validFrom && validTo) return `du ${formatInstantDateTime(validFrom)} au ${formatInstantDateTime(validTo)}`;
  if (validFrom) return `à partir du ${formatInstantDateTime(validFrom)}`;
  if (validTo) return `jusqu'au ${formatInstantDateTime(validTo)}`;
  return null;
}
