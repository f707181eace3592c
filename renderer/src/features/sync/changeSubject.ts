import type { ChangeSubject } from "../../../../shared/api/contract";
import { displayPhoneNumber } from "../../format/phone";
import { NBSP } from "../../format/typography";

/**
 * "DURAND Hélène · 06 12 34 56 78 · avec Dr Claire Martin · Cabinet des Tilleuls": whom a change concerns,
 * so a refused or unsent one can be called back about at once. Null when the copy knows none of it.
 */
export function changeSubjectLine(subject: ChangeSubject): string | null {
  const parts = [
    subject.patient,
    subject.phone ? displayPhoneNumber(subject.phone) : null,
    subject.practitioner ? `avec${NBSP}${subject.practitioner}` : null,
    subject.practice,
  ].filter((part): part is string => part !== null && part !== "");
  return parts.length > 0 ? parts.join(" · ") : null;
}
