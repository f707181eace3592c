import type { PracticeKind } from "../../../shared/domain/enums";
import type { SeededRandom } from "./random";
import { GENERAL_PRACTICE, PARAMEDICAL_SPECIALTIES, PHYSICIAN_SPECIALTIES, type Specialty } from "./specialties";

/**
 * What each kind of practice looks like: how common it is among an agency's clients, who works
 * there and what it is called. The weights and team sizes average three practitioners a practice.
 */
interface KindProfile {
  weight: number;
  drawTeam(random: SeededRandom): Specialty[];
  drawName(random: SeededRandom, team: readonly Specialty[], place: string, townOf: string): string;
}

const repeat = (specialty: Specialty, count: number) => Array.from({ length: count }, () => specialty);
const SPECIALTY_NOUNS: Record<string, string> = {
  Pédiatrie: "de pédiatrie",
  Cardiologie: "de cardiologie",
  Dermatologie: "de dermatologie",
  Gynécologie: "de gynécologie",
  ORL: "d'ORL",
  Ophtalmologie: "d'ophtalmologie",
  Psychiatrie: "de psychiatrie",
  Kinésithérapie: "de kinésithérapie",
  "Sage-femme": "de sages-femmes",
  Orthophonie: "d'orthophonie",
  "Soins infirmiers": "infirmier",
};

/** Physiotherapists are by far the most common paramedical practices to use an agency. */
const PARAMEDICAL_PREVALENCE: Record<string, number> = { Kinésithérapie: 50, "Sage-femme": 20, Orthophonie: 15, "Soins infirmiers": 15 };
const PEDIATRICS = PHYSICIAN_SPECIALTIES.filter((specialty) => specialty.label === "Pédiatrie");

export const PRACTICE_KIND_PROFILES: Record<PracticeKind, KindProfile> = {
  cabinet: {
    weight: 50,
    drawTeam: (random) => repeat(random.chance(0.7) ? GENERAL_PRACTICE : random.pick(PHYSICIAN_SPECIALTIES), random.int(1, 4)),
    drawName: (_random, team, place) => {
      const specialty = team[0] ?? GENERAL_PRACTICE;
      return specialty === GENERAL_PRACTICE ? `Cabinet médical ${place}` : `Cabinet ${SPECIALTY_NOUNS[specialty.label]} ${place}`;
    },
  },
  maison_de_sante: {
    weight: 15,
    drawTeam: (random) => [
      ...repeat(GENERAL_PRACTICE, random.int(2, 3)),
      ...random.sample([...PARAMEDICAL_SPECIALTIES, ...PEDIATRICS], random.int(2, 3)),
    ],
    drawName: (random, _team, place) =>
      random.weighted([
        [`Maison de santé pluriprofessionnelle ${place}`, 3],
        [`Maison de santé ${place}`, 2],
        [`Pôle de santé ${place}`, 1],
      ]),
  },
  centre_de_sante: {
    weight: 10,
    drawTeam: (random) => [...repeat(GENERAL_PRACTICE, random.int(2, 3)), ...random.sample(PHYSICIAN_SPECIALTIES, random.int(1, 3))],
    drawName: (random, _team, place, townOf) =>
      random.weighted([
        [`Centre de santé ${place}`, 2],
        [`Centre médical ${place}`, 1],
        [`Centre de santé municipal ${townOf}`, 1],
      ]),
  },
  cabinet_paramedical: {
    weight: 25,
    drawTeam: (random) => {
      const specialty = random.weighted(PARAMEDICAL_SPECIALTIES.map((candidate) => [candidate, PARAMEDICAL_PREVALENCE[candidate.label] ?? 0] as const));
      return repeat(specialty, random.int(1, 3));
    },
    drawName: (_random, team, place) => `Cabinet ${SPECIALTY_NOUNS[(team[0] as Specialty).label]} ${place}`,
  },
};

export function drawPracticeKind(random: SeededRandom): PracticeKind {
  return random.weighted(Object.entries(PRACTICE_KIND_PROFILES).map(([kind, profile]) => [kind as PracticeKind, profile.weight] as const));
}
