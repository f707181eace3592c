import { nameWords } from "./nameFolding";
import { e164ToNationalDigits } from "./patientSearchQuery";

/**
 * The terms under which a patient is found: practice first (medical secrecy and speed: a search
 * never leaves its practice), then a kind letter and the folded word or phone digits.
 * "Hélène Le Goff-Kerébel" in practice P gives "P|nhelene", "P|nle", "P|ngoff", "P|nkerebel".
 */
export interface SearchablePatient {
  practiceId: string;
  birthName: string;
  usedName: string | null;
  firstName: string;
  phones: readonly string[];
}

/**
 * Bump whenever the terms a patient gets change (folding, kinds, format): stores rebuild their terms
 * when they open, because old terms are deleted by recomputing them (db/local/patientSearchIndex.ts).
 */
export const SEARCH_TERMS_VERSION = 1;

export const nameTerm = (practiceId: string, foldedWord: string) => `${practiceId}|n${foldedWord}`;
export const phoneTerm = (practiceId: string, nationalDigits: string) => `${practiceId}|t${nationalDigits}`;

export function patientSearchTerms(patient: SearchablePatient): string[] {
  const names = nameWords(patient.birthName, patient.usedName, patient.firstName).map((word) => nameTerm(patient.practiceId, word));
  const phones = patient.phones.map((e164) => phoneTerm(patient.practiceId, e164ToNationalDigits(e164)));
  return [...new Set([...names, ...phones])];
}

/** The upper bound of a prefix range: every term starting with `prefix` sorts before it. */
export const prefixUpperBound = (prefix: string) => `${prefix}\uffff`;
