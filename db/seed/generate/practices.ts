import type { PracticeKind } from "../../../shared/domain/enums";
import { foldText } from "../../../shared/domain/nameFolding";
import type { z } from "zod";
import type { referrals } from "../../../shared/domain/schedules";
import { DEMO_PRACTICE } from "../demo";
import { drawCoverageSchedule, greetingsFor } from "./coverage";
import { drawPerson } from "./names";
import { drawLandline, drawVoipNumber, type DistinctNumbers } from "./phoneNumbers";
import { drawAddress, ofTown, PLACE_NAMES, TOWNS, type Town } from "./places";
import { drawPracticeKind, PRACTICE_KIND_PROFILES } from "./practiceKinds";
import { randomStream, type SeededRandom } from "./random";
import type { DialledNumberRow, PracticeRow } from "./rows";
import { GENERAL_PRACTICE, PHYSICIAN_SPECIALTIES, type Specialty } from "./specialties";

/** A practice as drawn: its row, the numbers that ring for it, and who works there. */
export interface DrawnPractice {
  practice: PracticeRow;
  dialledNumbers: DialledNumberRow[];
  team: Specialty[];
  town: Town;
}

interface Identity {
  id: string;
  kind: PracticeKind;
  team: Specialty[];
  town: Town;
  name: string;
}

const NUMBER_LABELS = ["Ligne principale", "Prise de rendez-vous", "Ligne des confrères"] as const;

/**
 * Practice number `index`, from its own random stream. Names and numbers are checked against
 * the practices drawn before it, so draw practices in index order.
 */
/** France's out-of-hours service, which practices without their own on-call doctor send patients to. */
const REGIONAL_ON_CALL = {
  name: "Permanence des soins ambulatoires (116 117)",
  phone: "116117",
  hours: "En semaine après 20 h, le samedi après-midi, le dimanche et les jours fériés",
};

/** Drawn from the schedule, not at random, so the other draws stay as they were. */
function coversOutOfHours(schedule: readonly { mode: string }[]): boolean {
  return schedule.some((window) => window.mode === "hors_horaires" || window.mode === "astreinte_24_7");
}

export function drawPractice(index: number, numbers: DistinctNumbers, takenNames: Set<string>): DrawnPractice {
  const random = randomStream("practice", index);
  const identity = index === 0 ? demoIdentity(random) : drawIdentity(random, takenNames);
  takenNames.add(identity.name);

  const coverageSchedule = drawCoverageSchedule(random);
  const practice: PracticeRow = {
    id: identity.id,
    name: identity.name,
    kind: identity.kind,
    address: drawAddress(random, identity.town),
    phone: numbers.draw(() => drawLandline(random, identity.town.phoneZone)),
    email: random.chance(0.6) ? `secretariat@${slug(identity.name)}.fr` : null,
    greetings: greetingsFor(identity.name, coverageSchedule),
    coverageSchedule,
    accessNotes: drawAccessNotes(random),
    referrals: drawReferrals(random, identity.town),
    onCall: coversOutOfHours(coverageSchedule) ? REGIONAL_ON_CALL : null,
    active: index === 0 || !random.chance(0.02),
  };

  const numberCount = random.weighted([[1, 5], [2, 3], [3, 2]] as const);
  const dialledNumbers = NUMBER_LABELS.slice(0, numberCount).map((label, rank) => ({
    id: random.uuid(),
    practiceId: practice.id,
    e164: index === 0 && rank === 0 ? numbers.reserve(DEMO_PRACTICE.dialledNumber) : numbers.draw(() => drawDialledNumber(random, identity.town)),
    label,
  }));

  return { practice, dialledNumbers, team: identity.team, town: identity.town };
}

function demoIdentity(random: SeededRandom): Identity {
  const town = random.pick(TOWNS.filter((candidate) => candidate.phoneZone === 1));
  const team = Array.from({ length: DEMO_PRACTICE.practitionerCount }, () => GENERAL_PRACTICE);
  return { id: DEMO_PRACTICE.id, kind: DEMO_PRACTICE.kind, name: DEMO_PRACTICE.name, team, town };
}

function drawIdentity(random: SeededRandom, takenNames: ReadonlySet<string>): Identity {
  const id = random.uuid();
  const kind = drawPracticeKind(random);
  const profile = PRACTICE_KIND_PROFILES[kind];
  const town = random.pick(TOWNS);
  const team = profile.drawTeam(random);
  // Two "Cabinet médical du Parc" in one agency list would confuse a secretary: draw again, then
  // tell them apart by town as people do.
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = profile.drawName(random, team, random.pick(PLACE_NAMES), ofTown(town.name));
    if (!takenNames.has(name)) return { id, kind, team, town, name };
  }
  const name = `${profile.drawName(random, team, random.pick(PLACE_NAMES), ofTown(town.name))} (${town.name})`;
  return { id, kind, team, town, name: takenNames.has(name) ? `${name} ${random.digits(2)}` : name };
}

/** Agencies often give practices non-geographic 09 lines; the rest keep their region's prefix. */
function drawDialledNumber(random: SeededRandom, town: Town): string {
  return random.chance(0.25) ? drawVoipNumber(random) : drawLandline(random, town.phoneZone);
}

const ENTRANCES = ["Interphone {n}", "Code d'entrée {n}B", "Sonner au cabinet", "Entrée par la cour, porte de gauche", "Portail vert, au fond de l'allée"];
const FLOORS = ["rez-de-chaussée", "1er étage avec ascenseur", "2e étage", "3e étage avec ascenseur", "1er étage sans ascenseur"];
const EXTRAS = [
  "accès PMR",
  "accès PMR par la rampe côté parking",
  "pas d'accès PMR : proposer une visite à domicile si besoin",
  "parking gratuit devant le cabinet",
  "parking de la mairie à 100 m",
  "bus 21, arrêt Mairie",
  "tram T1, station République",
  "salle d'attente partagée avec le cabinet dentaire",
];

function drawAccessNotes(random: SeededRandom): string {
  const entrance = random.pick(ENTRANCES).replace("{n}", String(random.int(1, 48)));
  return [entrance, random.pick(FLOORS), ...random.sample(EXTRAS, random.int(1, 2))].join(", ");
}

type Referral = z.infer<typeof referrals>[number];

/** Colleagues the practice sends callers to: specialists nearby, and SOS Médecins at night. */
function drawReferrals(random: SeededRandom, town: Town): Referral[] {
  const colleagues: Referral[] = random.sample(PHYSICIAN_SPECIALTIES, random.int(1, 3)).map((specialty) => {
    const person = drawPerson(random);
    return { name: `Dr ${person.firstName} ${person.lastName}`, specialty: specialty.label, phone: drawLandline(random, town.phoneZone) };
  });
  if (random.chance(0.3)) colleagues.push({ name: `SOS Médecins ${town.name}`, specialty: "Médecine générale", phone: "3624" });
  return colleagues;
}

const slug = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
