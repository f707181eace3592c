import { formatInstantTime, formatLongDay } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { textField } from "./readMutationArgs";

/**
 * One French sentence saying what a refused request asked for, read from its name and original
 * arguments, so the secretary knows what to call back about. The arguments come back from the
 * store as they were sent: every field is read defensively and a missing one only shortens the
 * sentence.
 */
export function describeMutation(name: string, args: unknown): string {
  const describe = lookup(DESCRIPTIONS, name);
  return describe ? describe(args) : `Demande «${NBSP}${name}${NBSP}»`;
}

type Describe = (args: unknown) => string;

const DESCRIPTIONS: Record<string, Describe> = {
  "appointment.book": (args) => withMoment("Prise de rendez-vous le", textField(args, "startAt"), "Prise de rendez-vous"),
  "appointment.move": (args) => withMoment("Déplacement de rendez-vous au", textField(args, "startAt"), "Déplacement de rendez-vous"),
  "appointment.cancel": () => "Annulation de rendez-vous",
  "appointment.setStatus": (args) => lookup(APPOINTMENT_STATUS_SENTENCES, textField(args, "status")) ?? "Changement d'état d'un rendez-vous",
  "patient.create": (args) => {
    const name = joinPresent(textField(args, "firstName"), textField(args, "birthName"));
    return name ? `Création de la fiche patient ${ofName(name)}` : "Création d'une fiche patient";
  },
  "patient.update": () => "Modification d'une fiche patient",
  "message.create": (args) => {
    const callerName = textField(args, "callerName");
    return callerName ? `Message pour le médecin ${ofName(callerName)}` : "Message pour le médecin";
  },
  "message.setStatus": (args) => {
    const status = lookup(MESSAGE_STATUS_WORDS, textField(args, "status"));
    return status ? `Message marqué comme ${status}` : "Changement d'état d'un message";
  },
  "message.answer": (args) => {
    const agreed = (args as { agreed?: unknown } | null)?.agreed;
    return agreed === true ? "Accord du médecin noté" : agreed === false ? "Refus du médecin noté" : "Réponse du médecin notée";
  },
  "call.open": (args) => withMoment("Appel reçu le", textField(args, "startedAt"), "Ouverture d'un appel"),
  "call.close": (args) => withMoment("Clôture de l'appel le", textField(args, "endedAt"), "Clôture d'un appel"),
  "waitlist.add": () => "Inscription sur la liste d'attente",
  "waitlist.remove": () => "Retrait de la liste d'attente",
  "waitlist.decline": () => "Créneau libéré refusé par le patient",
  "callback.create": (args) => {
    const callerName = textField(args, "callerName");
    return callerName ? `Rappel à faire ${ofName(callerName)}` : "Rappel à faire";
  },
  "callback.take": () => "Prise en charge d'un rappel",
  "callback.release": () => "Rappel remis dans la liste",
  "callback.attempt": () => "Essai de rappel noté",
  "callback.close": (args) => (textField(args, "status") === "abandonne" ? "Rappel abandonné" : "Rappel fait"),
};

const APPOINTMENT_STATUS_SENTENCES: Record<string, string> = {
  fulfilled: "Rendez-vous marqué comme honoré",
  noshow_excused: "Rendez-vous marqué comme manqué (absence excusée)",
  noshow_unexcused: "Rendez-vous marqué comme manqué (absence non excusée)",
};

const MESSAGE_STATUS_WORDS: Record<string, string> = { nouveau: "nouveau", lu: "lu", traite: "traité" };

/** "Prise de rendez-vous le mardi 24 novembre 2026 à 10:00", on the Paris clock. */
function withMoment(prefix: string, instant: string | null, withoutMoment: string): string {
  if (instant === null || Number.isNaN(Date.parse(instant))) return withoutMoment;
  return `${prefix} ${formatLongDay(instant)} à ${formatInstantTime(instant)}`;
}

/** "de Marc Lefèvre", but "d'Anne Lefèvre": French elides "de" before a vowel. */
function ofName(name: string): string {
  return /^[aeiouàâäéèêëîïôöùûüœæ]/i.test(name) ? `d'${name}` : `de ${name}`;
}

function joinPresent(...parts: Array<string | null>): string {
  return parts.filter((part) => part !== null).join(" ");
}

/** Own keys only: a request named "constructor" must not find Object's. */
function lookup<T>(table: Record<string, T>, key: string | null): T | undefined {
  return key !== null && Object.hasOwn(table, key) ? table[key] : undefined;
}
