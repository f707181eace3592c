import { toE164 } from "../../../../shared/domain/phone";
import { currentTime } from "../../services/clock";

/** The small "create the caller" form, as typed. */
export interface NewPatientValues {
  birthName: string;
  firstName: string;
  birthDate: string;
  phone: string;
}

export type NewPatientField = keyof NewPatientValues;
export type NewPatientErrors = Partial<Record<NewPatientField, string>>;

export interface NewPatientFields {
  birthName: string;
  firstName: string;
  /** ISO "1985-03-12", or null when not given. */
  birthDate: string | null;
  phones: string[];
}

export const NEW_PATIENT_FIELDS: NewPatientField[] = ["birthName", "firstName", "birthDate", "phone"];

/** Reads the form, or says in French what to correct. Only the names are required: the caller may not know the rest. */
export function readNewPatientForm(values: NewPatientValues): { fields: NewPatientFields } | { errors: NewPatientErrors } {
  const errors: NewPatientErrors = {};
  const birthName = values.birthName.trim();
  const firstName = values.firstName.trim();
  if (birthName === "") errors.birthName = "Indiquez le nom.";
  else if (birthName.length > 100) errors.birthName = "Nom trop long (100 caractères au plus).";
  if (firstName === "") errors.firstName = "Indiquez le prénom.";
  else if (firstName.length > 100) errors.firstName = "Prénom trop long (100 caractères au plus).";
  const dateText = values.birthDate.trim();
  const birthDate = dateText === "" ? null : parseFrenchDate(dateText);
  if (dateText !== "" && birthDate === null) errors.birthDate = "Date de naissance attendue au format JJ/MM/AAAA.";
  const phoneText = values.phone.trim();
  const phone = phoneText === "" ? null : toE164(phoneText);
  if (phoneText !== "" && phone === null) errors.phone = "Numéro de téléphone invalide.";
  if (Object.keys(errors).length > 0) return { errors };
  return { fields: { birthName, firstName, birthDate, phones: phone ? [phone] : [] } };
}

/** "12/03/1985" (or 12.03.1985, 12-03-1985) → "1985-03-12"; null for anything that is not a real past-or-present day. */
export function parseFrenchDate(text: string, today: Date = currentTime()): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || date.getTime() > today.getTime()) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
