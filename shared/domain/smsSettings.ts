import { z } from "zod";
import { REMINDER_HOURS } from "./smsSchedule";
import { checkSmsTemplate } from "./smsTemplate";

/** The SMS a practice may send its patients: each on or off, with its own template. */
export const SMS_KINDS = ["confirmation", "reminder", "cancellation"] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

/** An SMS's life: planned, handed to the gateway, delivered (its receipt), failed, refused (no mobile, opposition), or replaced (the appointment moved or was cancelled first). */
export const SMS_STATUSES = ["prevu", "envoye", "remis", "echec", "refuse", "remplace"] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

/** Each kind's name, as a list or a status line says it. */
export const SMS_KIND_NAMES: Record<SmsKind, string> = { confirmation: "Confirmation", reminder: "Rappel", cancellation: "Annulation" };

export const SMS_KIND_LABELS: Record<SmsKind, string> = {
  confirmation: "Confirmation (à la prise et au déplacement)",
  reminder: "Rappel (J-2 si pris plus de 7 jours avant, sinon J-1)",
  cancellation: "Annulation",
};

/** An alphanumeric sender as operators take it: 11 characters at most, letters, digits and spaces, one letter at least. */
export const smsSenderName = z
  .string()
  .trim()
  .regex(/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/, "Nom d'expéditeur : 11 lettres (sans accent), chiffres ou espaces au plus, dont une lettre");

/** Four parts of GSM-7 at most: a reminder is not a letter. */
export const SMS_TEMPLATE_MAX = 612;

const template = z.string().max(SMS_TEMPLATE_MAX, `Modèle trop long (${SMS_TEMPLATE_MAX} caractères au plus)`);

/** A practice's SMS settings (Administration › Cabinets), checked whole: the templates depend on `practitionerNamed`. */
export const smsSettings = z
  .strictObject({
    kinds: z.strictObject({ confirmation: z.boolean(), reminder: z.boolean(), cancellation: z.boolean() }),
    reminderHour: z.number().int().min(REMINDER_HOURS.first, "Heure des rappels entre 8 h et 19 h").max(REMINDER_HOURS.last, "Heure des rappels entre 8 h et 19 h"),
    /** Null: the agency's sender. */
    senderName: smsSenderName.nullable(),
    /** False: no template may name the practitioner (a name can reveal a specialty). */
    practitionerNamed: z.boolean(),
    templates: z.strictObject({ confirmation: template, reminder: template, cancellation: template }),
  })
  .superRefine((settings, context) => {
    for (const kind of SMS_KINDS) {
      for (const problem of checkSmsTemplate(settings.templates[kind], { practitionerNameAllowed: settings.practitionerNamed }).problems) {
        context.addIssue({ code: "custom", path: ["templates", kind], message: `${SMS_KIND_NAMES[kind]} : ${problem}` });
      }
    }
  });
export type SmsSettings = z.infer<typeof smsSettings>;

/** Until an administrator says otherwise: every kind on, reminders at 18 h, no practitioner named. Written without « ê » or « ç »: GSM-7, one part. */
export const DEFAULT_SMS_SETTINGS: SmsSettings = {
  kinds: { confirmation: true, reminder: true, cancellation: true },
  reminderHour: 18,
  senderName: null,
  practitionerNamed: false,
  templates: {
    confirmation: "{cabinet} : RDV confirmé le {date} à {heure}. Pour annuler : {telephone_cabinet}.",
    reminder: "Rappel : RDV le {date} à {heure}, {cabinet}, {adresse}. Pour annuler : {telephone_cabinet}.",
    cancellation: "{cabinet} : votre RDV du {date} à {heure} est annulé. Pour un autre RDV : {telephone_cabinet}.",
  },
};
