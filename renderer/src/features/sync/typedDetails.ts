import { formatPlainDate } from "../../format/dates";
import { displayPhoneNumber } from "../../format/phone";
import { NBSP } from "../../format/typography";
import { textField, textListField } from "./readMutationArgs";

/**
 * What the secretary typed into a refused request, line by line: the message for the doctor, the
 * number to call back, a note. The server refused the request, not her words, and she may need
 * them to call the patient back or to redo the request.
 */
export function typedDetails(args: unknown): string[] {
  const lines: string[] = [];
  const add = (label: string, value: string | null) => {
    if (value !== null) lines.push(`${label}${NBSP}: ${value}`);
  };
  add("Message", quoted(textField(args, "text")));
  add("Numéro de rappel", phone(textField(args, "callbackNumber")));
  const phones = textListField(args, "phones").map(displayPhoneNumber);
  add(phones.length > 1 ? "Téléphones" : "Téléphone", phones.length > 0 ? phones.join(", ") : null);
  add("Date de naissance", birthDate(textField(args, "birthDate")));
  add("Motif", textField(args, "reason"));
  add("Note", textField(args, "notes"));
  return lines;
}

function quoted(text: string | null): string | null {
  return text === null ? null : `«${NBSP}${text}${NBSP}»`;
}

function phone(number: string | null): string | null {
  return number === null ? null : displayPhoneNumber(number);
}

function birthDate(isoDate: string | null): string | null {
  return isoDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? formatPlainDate(isoDate) : null;
}
