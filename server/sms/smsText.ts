import { practitionerName } from "../../shared/domain/practitionerName";
import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";
import type { SmsKind, SmsSettings } from "../../shared/domain/smsSettings";
import { renderSmsTemplate } from "../../shared/domain/smsTemplate";
import { formatPhoneForDisplay } from "../../shared/domain/phone";

const day = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "long", day: "numeric", month: "long" });
const clock = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "2-digit", minute: "2-digit" });

export interface SmsContext {
  /** `phone`: the number patients call for this practice (E.164), the télésecrétariat's first. */
  practice: { name: string; address: { street: string; postalCode: string; city: string }; phone: string | null };
  /**
   * The appointments the SMS speaks of: one, or several of the patient's the same day (one SMS for them all),
   * each with its practitioner.
   */
  appointments: ReadonlyArray<{ startAt: Date; practitioner: { title: string; firstName: string; lastName: string } }>;
}

/** « a », « a et b », « a, b et c ». */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} et ${words[words.length - 1]}`;
}

/** « 10 h 30 », « 9 h » — as a French SMS says it. */
function hourWords(instant: Date): string {
  const [hours, minutes] = clock.format(instant).split(":");
  return minutes === "00" ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}

/**
 * The words of an SMS: the practice's template for its kind, with its appointments' values — several the same
 * day give « à 9 h et 10 h 30 » (never a motif nor a note: no variable holds one).
 */
export function smsText(kind: SmsKind, settings: SmsSettings, context: SmsContext): string {
  const { practice } = context;
  const appointments = [...context.appointments].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  return renderSmsTemplate(settings.templates[kind], {
    cabinet: practice.name,
    date: day.format(appointments[0]!.startAt),
    heure: listWords(appointments.map((appointment) => hourWords(appointment.startAt))),
    praticien: settings.practitionerNamed ? listWords([...new Set(appointments.map((appointment) => practitionerName(appointment.practitioner)))]) : "",
    adresse: `${practice.address.street}, ${practice.address.postalCode} ${practice.address.city}`,
    telephone_cabinet: practice.phone ? formatPhoneForDisplay(practice.phone) : "",
  });
}
