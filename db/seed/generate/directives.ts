import type { DirectiveCategory } from "../../../shared/domain/enums";
import { lastDayOf } from "./absences";
import { addDays, dayMonth, parisInstant, type IsoDate } from "./parisCalendar";
import type { DrawnPractitioner } from "./practitioners";
import type { SeededRandom } from "./random";
import type { DirectiveRow } from "./rows";
import { designate, listedName } from "./spokenNames";
import { seedNow } from "./timeline";

export interface DirectiveContext {
  practiceId: string;
  team: readonly DrawnPractitioner[];
  referenceDate: IsoDate;
}

type Draft = Omit<DirectiveRow, "id" | "practiceId">;

const agreed = (practitioner: DrawnPractitioner, masculine: string, feminine: string) => (practitioner.sex === "F" ? feminine : masculine);

/**
 * A practice's consignes, in French as the doctors write them: the standing ones (one per
 * category), a few for one practitioner, and temporary ones valid around the reference date —
 * in force, expired and upcoming, so the directives pane has something to filter.
 */
export function drawDirectives(random: SeededRandom, context: DirectiveContext): DirectiveRow[] {
  const drafts: Draft[] = [
    ...standingDirectives(random, context.team),
    ...context.team.flatMap((practitioner) => (random.chance(0.5) ? [practitionerDirective(random, practitioner)] : [])),
    ...context.team.flatMap((practitioner) => absenceDirectives(random, practitioner, context)),
    ...temporaryDirectives(random, context),
  ];
  return drafts.map((draft) => ({ id: random.uuid(), practiceId: context.practiceId, ...draft }));
}

/** A directive for the whole practice, standing unless `details` bound it in time. */
const draft = (category: DirectiveCategory, title: string, text: string, priority: number, details: Partial<Draft> = {}): Draft => ({
  category,
  title,
  text,
  priority,
  practitionerId: null,
  validFrom: null,
  validTo: null,
  flags: {},
  ...details,
});

function standingDirectives(random: SeededRandom, team: readonly DrawnPractitioner[]): Draft[] {
  const seesChildren = team.some(({ specialty }) => specialty.label === "Pédiatrie");
  const emergency =
    "En cas de douleur thoracique, détresse respiratoire ou perte de connaissance : orienter immédiatement vers le 15 (SAMU)." +
    (seesChildren ? " Nourrisson de moins de 3 mois avec de la fièvre : orienter vers les urgences pédiatriques." : "");
  return [
    draft("urgence", "Urgences vitales", emergency, 100, { flags: { redirectToSamu: true } }),
    draft("ordonnances", "Ordonnances", random.pick(PRESCRIPTION_RULES), 40),
    draft("resultats", "Résultats d'examens", random.pick(RESULTS_RULES), 40),
    draft("transfert", "Appels à transférer", random.pick(TRANSFER_RULES), 60, { flags: { transferToPractitioner: true } }),
    draft("administratif", "Administratif", random.pick(ADMINISTRATIVE_RULES), 20),
    draft("general", "Retards", random.pick(GENERAL_RULES), 10),
  ];
}

const PRESCRIPTION_RULES = [
  "Les renouvellements d'ordonnance se font uniquement en consultation. Aucune ordonnance par téléphone.",
  "Renouvellements : prendre un message avec le nom du traitement et la pharmacie ; le médecin envoie l'ordonnance sous 48 h.",
  "Renouvellement ponctuel possible pour les patients suivis au cabinet : prendre un message. Pas de renouvellement d'arrêt de travail par téléphone.",
];
const RESULTS_RULES = [
  "Les résultats ne sont jamais communiqués par le secrétariat. Prendre un message : le médecin rappelle si nécessaire.",
  "Résultats de laboratoire : si le laboratoire signale une valeur critique, passer l'appel au médecin, même en consultation.",
  "Les patients consultent leurs résultats sur le site du laboratoire ; pour un avis, proposer une consultation.",
];
const TRANSFER_RULES = [
  "Passer les appels des confrères, des laboratoires (résultats critiques) et des pharmacies. Jamais les appels commerciaux ni les visiteurs médicaux.",
  "Ne passer au médecin que les confrères et le SAMU. Tout le reste : prendre un message.",
  "Passer les appels des EHPAD et des infirmiers à domicile pour les patients du cabinet ; les autres en message.",
];
const ADMINISTRATIVE_RULES = [
  "Feuilles de soins et certificats : à retirer au cabinet aux heures d'ouverture. Tiers payant pour les patients en ALD et les bénéficiaires de la C2S.",
  "Le cabinet ne prend pas la carte bancaire : prévenir les nouveaux patients (chèque ou espèces).",
  "Demandes de dossier médical : par courrier au cabinet avec une copie de la pièce d'identité.",
];
const GENERAL_RULES = [
  "Au-delà de 15 minutes de retard, le rendez-vous est reporté. Le rappeler au patient qui prévient de son retard.",
  "Tout rendez-vous non honoré et non annulé 24 h à l'avance est noté ; au troisième, le cabinet ne reprend plus de rendez-vous.",
  "Rappeler aux patients de prévenir au moins 24 h à l'avance en cas d'annulation.",
];

function practitionerDirective(random: SeededRandom, { row }: DrawnPractitioner): Draft {
  const who = listedName(row);
  const choices: Array<readonly [DirectiveCategory, string, Draft["flags"]]> = [
    ["general", `${who} ne fait plus de visites à domicile, sauf pour ses patients en ALD.`, {}],
    ["transfert", `${who} : passer les appels de l'EHPAD Les Glycines et des infirmiers du secteur.`, { transferToPractitioner: true }],
    ["general", `${who} ne prend pas de rendez-vous le samedi, même en urgence.`, {}],
    ["ordonnances", `${who} : les renouvellements de contraception se font sans rendez-vous, ordonnance à déposer au secrétariat.`, {}],
  ];
  if (row.acceptsNewPatients === "demander_au_medecin") {
    choices.push(["nouveaux_patients", `${who} prend d'emblée les nouveaux patients de moins de 16 ans ; pour les autres, prendre un message.`, {}]);
  }
  const [category, text, flags] = random.pick(choices);
  return draft(category, who, text, 30, { practitionerId: row.id, flags });
}

/** "Dr Martin absent jusqu'au 12/01 : orienter les urgences vers le Dr Lefèvre", for every absence running now. */
function absenceDirectives(random: SeededRandom, practitioner: DrawnPractitioner, context: DirectiveContext): Draft[] {
  const now = seedNow(context.referenceDate).getTime();
  const colleagues = context.team.filter((other) => other !== practitioner);
  const running = practitioner.row.absences.filter((absence) => Date.parse(absence.from) <= now && now < Date.parse(absence.to));
  if (colleagues.length === 0) return [];
  return running.map((absence) => {
    const sameSpecialty = colleagues.filter((other) => other.specialty === practitioner.specialty);
    const cover = random.pick(sameSpecialty.length > 0 ? sameSpecialty : colleagues);
    const text = `${listedName(practitioner.row)} ${agreed(practitioner, "absent", "absente")} jusqu'au ${dayMonth(lastDayOf(absence))} : orienter les urgences vers ${designate(cover.row)}.`;
    return draft("transfert", `Absence ${designate(practitioner.row, "de")}`, text, 90, {
      practitionerId: practitioner.row.id,
      validFrom: new Date(absence.from),
      validTo: new Date(absence.to),
      flags: { referToPractitionerId: cover.row.id },
    });
  });
}

function temporaryDirectives(random: SeededRandom, { referenceDate }: DirectiveContext): Draft[] {
  const day = (offset: number) => addDays(referenceDate, offset);
  const midnight = (offset: number) => parisInstant(day(offset), 0);
  const temporary = (category: DirectiveCategory, title: string, text: string, from: number, to: number | null): Draft =>
    draft(category, title, text, 70, { validFrom: midnight(from), validTo: to === null ? null : midnight(to) });
  const drafts: Draft[] = [];
  if (random.chance(0.3)) {
    const end = random.int(10, 30);
    drafts.push(temporary("general", "Épidémie de grippe", `Épidémie de grippe : créneaux sans rendez-vous de 17 h à 19 h jusqu'au ${dayMonth(day(end - 1))}.`, -7, end));
  }
  if (random.chance(0.2)) {
    const closed = -random.int(5, 25);
    drafts.push(temporary("general", "Fermeture exceptionnelle", `Cabinet fermé le ${dayMonth(day(closed))} (pont) : renvoyer vers SOS Médecins ou le 15.`, closed, closed + 1));
  }
  if (random.chance(0.2)) {
    const from = random.int(7, 30);
    drafts.push(temporary("administratif", "Nouveaux horaires", `À partir du ${dayMonth(day(from))}, le secrétariat ouvre à 8 h au lieu de 8 h 30.`, from, null));
  }
  return drafts;
}
