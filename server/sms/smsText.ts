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
  practitioner: { title: string; firstName: string; lastName: string };
  startAt: Date;
}

/** « 10 h 30 », « 9 h » — as a French SMS says it. */
function hourWords(instant: Date): string {
  const [hours, minutes] = clock.format(instant).split(":");
  return minutes === "00" ? `${Number(hours)} h` : `${Number(hours)} h ${minutes}`;
}

/** The words of an SMS: the practice's template for its kind, with this appointment's values (never a motif nor a note: no variable holds one). */
export function smsText(kind: SmsKind, settings: SmsSettings, context: SmsContext): string {
  const { practice } = context;
  return renderSmsTemplate(settings.templates[kind], {
    cabinet: practice.name,
    date: day.format(context.startAt),
    heure: hourWords(context.startAt),
    praticien: settings.practitionerNamed ? practitionerName(context.practitioner) : "",
    adresse: `${practice.address.street}, ${practice.address.postalCode} ${practice.address.city}`,
    telephone_cabinet: practice.phone ? formatPhoneForDisplay(practice.phone) : "",
  });
}
