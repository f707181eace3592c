import { foldText } from "../../../shared/domain/nameFolding";
import { DEMO_PATIENT } from "../demo";
import { drawFirstName, drawLastName, drawSex } from "./names";
import { addDays, parisInstant, type IsoDate } from "./parisCalendar";
import { drawLandline, drawMobile } from "./phoneNumbers";
import type { Town } from "./places";
import type { SeededRandom } from "./random";
import type { PatientRow } from "./rows";
import { pastInstant, seedNow } from "./timeline";

export interface PatientContext {
  practiceId: string;
  referenceDate: IsoDate;
  /** Landlines share the practice's region, as the patients live around it. */
  phoneZone: Town["phoneZone"];
}

const AGE_BANDS = [
  [[0, 5], 7],
  [[6, 17], 12],
  [[18, 39], 28],
  [[40, 64], 32],
  [[65, 84], 17],
  [[85, 99], 4],
] as const;

const EMAIL_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr", "wanadoo.fr", "yahoo.fr"] as const;

const NOTES = [
  "Malentendant : parler fort et lentement.",
  "Préfère être appelée le matin.",
  "Allergie à la pénicilline (signalée par le patient).",
  "Vient accompagné de sa fille, qui prend les rendez-vous.",
  "Fauteuil roulant : rendez-vous au rez-de-chaussée.",
  "Ne parle pas bien français : sa fille traduit (06 au dossier).",
  "Patient en ALD : tiers payant intégral.",
  "Rappeler sur le portable uniquement.",
] as const;

/** `count` patients of one practice, drawn one at a time so a practice of thousands stays light. */
export function* drawPatients(random: SeededRandom, count: number, context: PatientContext): Generator<PatientRow> {
  for (let i = 0; i < count; i++) yield drawPatient(random, context);
}

function drawPatient(random: SeededRandom, context: PatientContext): PatientRow {
  const sex = drawSex(random);
  const firstName = drawFirstName(random, sex);
  const birthName = drawLastName(random);
  const [minAge, maxAge] = random.weighted<readonly [number, number]>(AGE_BANDS);
  const ageDays = random.int(minAge * 365, maxAge * 365 + 364);
  const married = sex === "F" && ageDays > 25 * 365 && random.chance(0.45);
  const spouseName = married ? drawLastName(random) : null;
  const usedName = spouseName === null || spouseName === birthName ? null : random.chance(0.8) ? spouseName : `${spouseName}-${birthName}`;
  const createdAt = pastInstant(random, context.referenceDate, 30, 2000);
  return {
    id: random.uuid(),
    practiceId: context.practiceId,
    birthName,
    usedName,
    firstName,
    birthDate: addDays(context.referenceDate, -ageDays),
    phones: drawPhones(random, context.phoneZone),
    email: ageDays > 18 * 365 && random.chance(0.4) ? email(random, firstName, usedName ?? birthName) : null,
    notes: random.chance(0.08) ? random.pick(NOTES) : null,
    createdAt,
    updatedAt: random.chance(0.3) ? new Date(Math.min(createdAt.getTime() + random.int(1, 400) * 86_400_000, seedNow(context.referenceDate).getTime())) : createdAt,
  };
}

/** Most patients give a mobile; some add a landline, a few (often elderly) have only a landline. */
function drawPhones(random: SeededRandom, zone: Town["phoneZone"]): string[] {
  const kind = random.weighted([["mobile", 70], ["both", 20], ["landline", 10]] as const);
  if (kind === "mobile") return [drawMobile(random)];
  if (kind === "landline") return [drawLandline(random, zone)];
  return [drawMobile(random), drawLandline(random, zone)];
}

function email(random: SeededRandom, firstName: string, lastName: string): string {
  const local = (text: string) => foldText(text).replace(/[^a-z0-9-]+/g, "");
  const suffix = random.chance(0.3) ? String(random.int(1, 99)) : "";
  return `${local(firstName)}.${local(lastName)}${suffix}@${random.pick(EMAIL_DOMAINS)}`;
}

/** The demo patient every size starts with (see demo.ts). */
export function demoPatientRow(referenceDate: IsoDate): PatientRow {
  const registered = parisInstant(addDays(referenceDate, -400), 10 * 60);
  return {
    ...DEMO_PATIENT,
    phones: [...DEMO_PATIENT.phones],
    notes: "Préfère être appelée le matin.",
    createdAt: registered,
    updatedAt: registered,
  };
}
