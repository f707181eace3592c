import type { CallOutcome, MessageCategory, MessageUrgency } from "../../../shared/domain/enums";
import type { IsoDate } from "./parisCalendar";
import { drawMobile } from "./phoneNumbers";
import type { DrawnPractitioner } from "./practitioners";
import type { SeededRandom } from "./random";
import type { AppointmentRow, CallRow, MessageRow, PatientRow, PractitionerRow } from "./rows";
import { designate } from "./spokenNames";
import { pastInstant, seedNow } from "./timeline";

/**
 * The last week of calls for one practice and the messages taken during them. A call ending in
 * "message" carries its message and the message points back at its call, as the workstation
 * records them; a call that booked points at an appointment of the caller.
 */
export interface CallLogContext {
  practiceId: string;
  referenceDate: IsoDate;
  dialledNumbers: readonly string[];
  team: readonly DrawnPractitioner[];
  patients: readonly PatientRow[];
  /** Upcoming booked appointments, for calls that booked one. */
  bookings: readonly AppointmentRow[];
  secretaryIds: readonly string[];
}

export interface CallLog {
  calls: CallRow[];
  messages: MessageRow[];
}

const OUTCOMES = [
  ["rdv_pris", 30],
  ["rdv_deplace", 8],
  ["rdv_annule", 7],
  ["message", 25],
  ["transfert", 8],
  ["info", 14],
  ["urgence_reorientee", 3],
  ["reoriente_confrere", 3],
  ["autre", 2],
] as const;

const CALL_NOTES: Record<CallOutcome, string> = {
  rdv_pris: "Rendez-vous pris, consignes rappelées au patient.",
  rdv_deplace: "Rendez-vous déplacé à la demande du patient.",
  rdv_annule: "Rendez-vous annulé, créneau libéré.",
  message: "Message laissé au praticien.",
  transfert: "Appel transféré au praticien (confrère).",
  info: "Demande d'horaires et d'adresse du cabinet.",
  urgence_reorientee: "Douleur thoracique décrite : patient orienté vers le 15.",
  reoriente_confrere: "Le cabinet ne prend plus de nouveaux patients : coordonnées d'un confrère données.",
  autre: "Appel commercial, non transmis.",
};

interface MessageTemplate {
  category: MessageCategory;
  urgency: MessageUrgency;
  text: (practitioner: PractitionerRow) => string;
  /** Third parties (pharmacy, laboratory) call about a patient without being one. */
  thirdParty?: string;
}

const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  { category: "rappel", urgency: "normale", text: (who) => `Souhaite être rappelé(e) par ${designate(who)} au sujet de son traitement.` },
  { category: "ordonnance", urgency: "normale", text: () => "Demande le renouvellement de son traitement habituel (Levothyrox 75 µg). Pharmacie du Centre." },
  { category: "resultats", urgency: "normale", text: (who) => `A reçu ses résultats de prise de sang et souhaite l'avis ${designate(who, "de")}.` },
  { category: "administratif", urgency: "normale", text: () => "Demande un duplicata de feuille de soins pour sa mutuelle." },
  { category: "urgence", urgency: "urgente", text: () => "Fièvre à 39,5 °C depuis 3 jours chez son fils de 4 ans, sans signe de gravité : souhaite être vu aujourd'hui." },
  { category: "resultats", urgency: "urgente", text: (who) => `Résultat de kaliémie anormal à transmettre ${designate(who, "à")} aujourd'hui.`, thirdParty: "Laboratoire Cerballiance" },
  { category: "autre", urgency: "normale", text: () => "Question sur une interaction médicamenteuse, rappeler la pharmacie.", thirdParty: "Pharmacie du Centre" },
];

export function drawCallLog(random: SeededRandom, context: CallLogContext): CallLog {
  const calls: CallRow[] = [];
  const messages: MessageRow[] = [];
  const now = seedNow(context.referenceDate).getTime();
  const patientsById = new Map(context.patients.map((patient) => [patient.id, patient]));

  const callCount = random.int(6, 16);
  for (let i = 0; i < callCount; i++) {
    const outcome: CallOutcome = random.weighted(OUTCOMES);
    const booking = outcome === "rdv_pris" && context.bookings.length > 0 ? random.pick(context.bookings) : null;
    const patient = booking ? patientsById.get(booking.patientId) : random.chance(0.8) ? random.pick(context.patients) : undefined;
    const startedAt = pastInstant(random, context.referenceDate, 1, 7);
    const answeredAt = new Date(startedAt.getTime() + random.int(2, 25) * 1000);
    const endedAt = new Date(answeredAt.getTime() + random.int(30, 420) * 1000);
    const userId = random.pick(context.secretaryIds);
    const callId = random.uuid();
    const message = outcome === "message" ? drawMessage(random, context, { callId, patient, userId, at: endedAt, now }) : null;
    if (message) messages.push(message);
    calls.push({
      id: callId,
      practiceId: context.practiceId,
      externalCallId: `pbx-${random.digits(10)}`,
      dialledNumber: random.pick(context.dialledNumbers),
      callerNumber: patient ? (patient.phones[0] ?? null) : random.chance(0.9) ? drawMobile(random) : null,
      patientId: patient?.id ?? null,
      userId,
      startedAt,
      answeredAt,
      endedAt,
      outcome,
      notes: CALL_NOTES[outcome],
      links: { appointmentIds: booking ? [booking.id] : [], messageIds: message ? [message.id] : [] },
    });
  }
  return { calls, messages };
}

interface MessageOrigin {
  callId: string;
  patient: PatientRow | undefined;
  userId: string;
  at: Date;
  now: number;
}

function drawMessage(random: SeededRandom, context: CallLogContext, origin: MessageOrigin): MessageRow {
  const template = random.pick(MESSAGE_TEMPLATES);
  const practitioner = random.pick(context.team).row;
  const fromPatient = template.thirdParty === undefined && origin.patient !== undefined;
  const ageDays = (origin.now - origin.at.getTime()) / 86_400_000;
  return {
    id: random.uuid(),
    practiceId: context.practiceId,
    practitionerId: practitioner.id,
    patientId: origin.patient?.id ?? null,
    callId: origin.callId,
    callerName: fromPatient && origin.patient ? `${origin.patient.firstName} ${origin.patient.usedName ?? origin.patient.birthName}` : (template.thirdParty ?? "Appelant non identifié"),
    callbackNumber: fromPatient ? (origin.patient?.phones[0] ?? null) : drawMobile(random),
    category: template.category,
    urgency: template.urgency,
    text: template.text(practitioner),
    status: random.weighted(ageDays > 2 ? [["traite", 60], ["lu", 30], ["nouveau", 10]] : [["nouveau", 60], ["lu", 30], ["traite", 10]]),
    createdBy: origin.userId,
    createdAt: origin.at,
  };
}
