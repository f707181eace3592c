import type { NewPatientPolicy } from "./enums";
import { practitionerName } from "./practitionerName";

interface PolicyHolder {
  title: string;
  firstName: string;
  lastName: string;
  acceptsNewPatients: NewPatientPolicy;
}

/**
 * What the secretary tells a new patient, written from each practitioner's setting rather than typed once
 * into a consigne: it cannot go stale when an administrator changes a setting. Null without practitioners.
 */
export function newPatientPolicyText(practitioners: readonly PolicyHolder[]): string | null {
  if (practitioners.length === 0) return null;
  const policies = new Set(practitioners.map((practitioner) => practitioner.acceptsNewPatients));
  if (policies.size === 1 && policies.has("non")) {
    return "Le cabinet n'accepte plus de nouveaux patients, ni comme médecin traitant ni en consultation ponctuelle : proposer la liste des confrères.";
  }
  if (policies.size === 1 && policies.has("oui")) return "Nouveaux patients acceptés : proposer une première consultation.";
  const namesWith = (policy: NewPatientPolicy) => practitioners.filter((practitioner) => practitioner.acceptsNewPatients === policy).map(practitionerName);
  const clauses: Array<[string, string[]]> = [
    ["Nouveaux patients acceptés", namesWith("oui")],
    ["Sur accord du praticien (le lui demander)", namesWith("demander_au_medecin")],
    ["Nouveaux patients refusés", namesWith("non")],
  ];
  return clauses
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `${label} : ${names.join(", ")}.`)
    .join(" ");
}
