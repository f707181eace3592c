import { MESSAGE_CATEGORIES, MESSAGE_URGENCIES, type MessageCategory, type MessageUrgency } from "../../../../shared/domain/enums";
import { toE164 } from "../../../../shared/domain/phone";

/** The message form as typed, every field a string (a select's "" is "the whole practice"). */
export interface MessageFormValues {
  practitionerId: string;
  callerName: string;
  callbackNumber: string;
  category: MessageCategory;
  urgency: MessageUrgency;
  text: string;
}

export type MessageField = keyof MessageFormValues;
export type MessageFormErrors = Partial<Record<MessageField, string>>;

/** The fields of `message.create` the form decides; ids and links come from the call. */
export interface MessageFields {
  practitionerId: string | null;
  callerName: string;
  callbackNumber: string | null;
  category: MessageCategory;
  urgency: MessageUrgency;
  text: string;
}

export const MESSAGE_FIELD_ORDER: MessageField[] = ["practitionerId", "callerName", "callbackNumber", "category", "urgency", "text"];

/** Reads the form, or says in French what to correct, field by field. */
export function readMessageForm(values: MessageFormValues): { fields: MessageFields } | { errors: MessageFormErrors } {
  const errors: MessageFormErrors = {};
  const callerName = values.callerName.trim();
  if (callerName === "") errors.callerName = "Indiquez le nom de l'appelant.";
  else if (callerName.length > 100) errors.callerName = "Nom trop long (100 caractères au plus).";
  const number = values.callbackNumber.trim();
  const callbackNumber = number === "" ? null : toE164(number);
  if (number !== "" && callbackNumber === null) errors.callbackNumber = "Numéro de rappel invalide.";
  const text = values.text.trim();
  if (text === "") errors.text = "Écrivez le message.";
  else if (text.length > 5000) errors.text = "Message trop long (5 000 caractères au plus).";
  if (!MESSAGE_CATEGORIES.includes(values.category)) errors.category = "Choisissez une catégorie.";
  if (!MESSAGE_URGENCIES.includes(values.urgency)) errors.urgency = "Choisissez l'urgence.";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      practitionerId: values.practitionerId === "" ? null : values.practitionerId,
      callerName,
      callbackNumber,
      category: values.category,
      urgency: values.urgency,
      text,
    },
  };
}
