import type { NoticeCounts } from "../../db/central/schema";
import { countOf } from "../../shared/domain/frenchCount";
import { PARIS_TIME_ZONE } from "../../shared/domain/parisTime";

/**
 * What a notice says. Never a patient's name, number or words, nor a message's text: e-mail crosses
 * servers the agency does not control. The doctor's own name, a practice's name, counts, and the link to
 * the portal.
 */
export interface NoticeMail {
  subject: string;
  text: string;
}

const FOOTER = "Ce courriel ne contient aucune donnée de patient. Télésec";

export function urgentMessageNotice(practitionerName: string, portalUrl: string): NoticeMail {
  return {
    subject: `Message urgent pour ${practitionerName}`,
    text: [`Bonjour,`, ``, `1 nouveau message urgent vous attend pour ${practitionerName}.`, `Ouvrez le portail pour le lire : ${portalUrl}`, ``, FOOTER].join("\n"),
  };
}

const ofUrgent = (counts: NoticeCounts) => (counts.urgent ? `, dont ${countOf(counts.urgent, "urgent", "urgents")}` : "");

/** « 3 nouveaux messages, dont 1 urgent, pour le Dr Perrot — ouvrir le portail ». */
export function messageDigestNotice(accountName: string, counts: NoticeCounts, portalUrl: string): NoticeMail {
  const messages = countOf(counts.messages ?? 0, "nouveau message", "nouveaux messages");
  return {
    subject: `${messages} pour ${accountName}`,
    text: [`Bonjour,`, ``, `${messages}${ofUrgent(counts)}, pour ${accountName}, non lus.`, `Ouvrez le portail pour les lire : ${portalUrl}`, ``, FOOTER].join("\n"),
  };
}

const longDay = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, weekday: "long", day: "numeric", month: "long" });
const hourOf = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS_TIME_ZONE, hour: "numeric" });

/** The practice's day until the summary's hour: calls, appointments, messages — counts only. */
export function daySummaryNotice(practiceName: string, slot: Date, counts: NoticeCounts, portalUrl: string): NoticeMail {
  const day = longDay.format(slot);
  return {
    subject: `Journée du ${day} — ${practiceName}`,
    text: [
      `Bonjour,`,
      ``,
      `La journée du ${day} pour ${practiceName}, jusqu'à ${hourOf.format(slot).replace(/\s/g, " ")} :`,
      `- ${countOf(counts.calls ?? 0, "appel", "appels")} ;`,
      `- rendez-vous : ${countOf(counts.booked ?? 0, "pris", "pris")}, ${countOf(counts.moved ?? 0, "déplacé", "déplacés")}, ${countOf(counts.cancelled ?? 0, "annulé", "annulés")} ;`,
      `- ${countOf(counts.messages ?? 0, "message", "messages")}${ofUrgent(counts)}.`,
      `Le détail est sur le portail : ${portalUrl}`,
      ``,
      FOOTER,
    ].join("\n"),
  };
}
