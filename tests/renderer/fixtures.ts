import { Temporal } from "temporal-polyfill";
import type { AdminDeviceView, AdminUserView } from "../../shared/api/admin";
import type { AgendaAppointment, DirectiveView, FreeSlotView, MotifView, PatientView, PracticeCard } from "../../shared/api/views";

/**
 * A small, believable agency: one Lyon practice with three practitioners, a second practice
 * to prove nothing leaks across practices, their consignes, patients and today's appointments.
 * Every value satisfies the zod view schemas (the fake bridge checks).
 */
export const IDS = {
  tilleuls: "10000000-0000-4000-8000-000000000001",
  gare: "10000000-0000-4000-8000-000000000002",
  drMartin: "20000000-0000-4000-8000-000000000001",
  drDupont: "20000000-0000-4000-8000-000000000002",
  sfBernard: "20000000-0000-4000-8000-000000000003",
  drGare: "20000000-0000-4000-8000-000000000004",
  heleneDurand: "30000000-0000-4000-8000-000000000001",
  marcLefevre: "30000000-0000-4000-8000-000000000002",
  gareLefevre: "30000000-0000-4000-8000-000000000003",
} as const;

export const TILLEULS_NUMBER = "+33478000001";
export const GARE_NUMBER = "+33478000002";
export const HELENE_PHONE = "+33612345678";

const MONDAY_MORNINGS = { workingHours: [{ weekday: 1, start: "08:00", end: "12:00" }], absences: [] };

export const tilleuls: PracticeCard = {
  id: IDS.tilleuls,
  name: "Cabinet médical des Tilleuls",
  kind: "cabinet",
  address: { street: "12 rue des Tilleuls", postalCode: "69003", city: "Lyon" },
  dialledNumbers: [TILLEULS_NUMBER],
  greetings: { default: "Cabinet médical des Tilleuls, bonjour, je vous écoute." },
  coverageSchedule: [],
  accessNotes: "Deuxième étage avec ascenseur. Code porte 4512.",
  referrals: [{ name: "Dr Paul Roux", specialty: "Cardiologue", phone: "+33478000099" }],
  onCall: { name: "Dr Anne Garde", phone: "+33478000077", hours: "Le soir de 20 h à minuit, le week-end" },
  practitioners: [
    {
      id: IDS.drMartin,
      practiceId: IDS.tilleuls,
      title: "Dr",
      firstName: "Claire",
      lastName: "Martin",
      specialty: "Médecin généraliste",
      acceptsNewPatients: "oui",
      color: "#2563eb",
      ...MONDAY_MORNINGS,
    },
    {
      id: IDS.drDupont,
      practiceId: IDS.tilleuls,
      title: "Dr",
      firstName: "Jean",
      lastName: "Dupont",
      specialty: "Médecin généraliste",
      acceptsNewPatients: "demander_au_medecin",
      color: "#f59e0b",
      ...MONDAY_MORNINGS,
    },
    {
      id: IDS.sfBernard,
      practiceId: IDS.tilleuls,
      title: "Mme",
      firstName: "Sophie",
      lastName: "Bernard",
      specialty: "Sage-femme",
      acceptsNewPatients: "non",
      color: "#10b981",
      ...MONDAY_MORNINGS,
    },
  ],
};

export const gare: PracticeCard = {
  id: IDS.gare,
  name: "Maison de santé de la Gare",
  kind: "maison_de_sante",
  address: { street: "1 place de la Gare", postalCode: "69002", city: "Lyon" },
  dialledNumbers: [GARE_NUMBER],
  greetings: { default: "Maison de santé de la Gare, bonjour." },
  coverageSchedule: [],
  accessNotes: "",
  referrals: [],
  onCall: null,
  practitioners: [
    {
      id: IDS.drGare,
      practiceId: IDS.gare,
      title: "Dr",
      firstName: "Luc",
      lastName: "Petit",
      specialty: "Pédiatre",
      acceptsNewPatients: "oui",
      color: "#9333ea",
      ...MONDAY_MORNINGS,
    },
  ],
};

/** Deliberately not in display order: the emergency consigne comes second and has the lowest priority. */
export const directives: DirectiveView[] = [
  {
    id: "40000000-0000-4000-8000-000000000001",
    practiceId: IDS.tilleuls,
    practitionerId: null,
    category: "ordonnances",
    title: "Renouvellements d'ordonnance",
    text: "Prendre la demande par message, délai de 48 h.",
    priority: 5,
    validFrom: null,
    validTo: null,
  },
  {
    id: "40000000-0000-4000-8000-000000000002",
    practiceId: IDS.tilleuls,
    practitionerId: null,
    category: "urgence",
    title: "Urgence vitale",
    text: "Douleur thoracique ou détresse respiratoire : orienter immédiatement vers le 15 (SAMU).",
    priority: 0,
    validFrom: null,
    validTo: null,
  },
  {
    id: "40000000-0000-4000-8000-000000000003",
    practiceId: IDS.tilleuls,
    practitionerId: IDS.drDupont,
    category: "transfert",
    title: "Absence du Dr Dupont",
    text: "Adresser les cas urgents au Dr Martin.",
    priority: 3,
    validFrom: "2024-12-30T00:00:00+01:00",
    validTo: "2099-12-31T18:00:00+01:00",
  },
  {
    id: "40000000-0000-4000-8000-000000000004",
    practiceId: IDS.gare,
    practitionerId: null,
    category: "general",
    title: "Consigne de la Gare",
    text: "Ne concerne pas les Tilleuls.",
    priority: 0,
    validFrom: null,
    validTo: null,
  },
];

export const patients: PatientView[] = [
  {
    id: IDS.heleneDurand,
    practiceId: IDS.tilleuls,
    birthName: "Martin",
    usedName: "Durand",
    firstName: "Hélène",
    birthDate: "1985-03-12",
    phones: [HELENE_PHONE],
    email: null,
    notes: null,
    smsOpposition: false,
  },
  {
    id: IDS.marcLefevre,
    practiceId: IDS.tilleuls,
    birthName: "Lefèvre",
    usedName: null,
    firstName: "Marc",
    birthDate: "1972-11-02",
    phones: ["+33698765432"],
    email: "marc.lefevre@example.fr",
    notes: null,
    smsOpposition: false,
  },
  {
    id: IDS.gareLefevre,
    practiceId: IDS.gare,
    birthName: "Lefèvre",
    usedName: null,
    firstName: "Anne",
    birthDate: "2015-06-30",
    phones: [HELENE_PHONE],
    email: null,
    notes: null,
    smsOpposition: false,
  },
];

/**
 * The instant every component test runs at: the fake core answers `clock.now` with it, so the
 * renderer's "today" is this Thursday whatever the machine's hour (the free slots below are after it).
 */
export const FIXTURE_NOW = "2031-11-20T10:00:00+01:00";
export const FIXTURE_TODAY = "2031-11-20";

/** An instant of the fixtures' today, Paris wall clock, with its offset: "2031-11-20T10:00:00+01:00". */
export function todayInParisAt(time: string, dayOffset = 0): string {
  return Temporal.PlainDate.from(FIXTURE_TODAY)
    .add({ days: dayOffset })
    .toZonedDateTime({ timeZone: "Europe/Paris", plainTime: Temporal.PlainTime.from(time) })
    .toString({ timeZoneName: "never" });
}

export function todaysAppointments(): AgendaAppointment[] {
  const appointment = (
    id: string,
    practitionerId: string,
    patientId: string,
    patientName: string,
    motif: [string, string, string],
    start: string,
    end: string,
    status: AgendaAppointment["status"] = "booked",
    dayOffset = 0,
  ): AgendaAppointment => ({
    id,
    practitionerId,
    patientId,
    patientName,
    appointmentTypeId: motif[2],
    motifLabel: motif[0],
    motifColor: motif[1],
    startAt: todayInParisAt(start, dayOffset),
    endAt: todayInParisAt(end, dayOffset),
    status,
    notes: null,
    pending: false,
  });
  const consultation: [string, string, string] = ["Consultation", "#bfdbfe", MOTIFS.martinConsultation];
  const vaccination: [string, string, string] = ["Vaccination", "#7c2d12", MOTIFS.dupontVaccination];
  return [
    appointment("50000000-0000-4000-8000-000000000001", IDS.drMartin, IDS.heleneDurand, "DURAND Hélène", consultation, "10:00", "10:20"),
    appointment("50000000-0000-4000-8000-000000000002", IDS.drDupont, IDS.marcLefevre, "LEFÈVRE Marc", vaccination, "11:00", "11:15"),
    appointment("50000000-0000-4000-8000-000000000003", IDS.drMartin, IDS.marcLefevre, "LEFÈVRE Marc", consultation, "14:00", "14:20", "cancelled"),
    appointment("50000000-0000-4000-8000-000000000004", IDS.drMartin, IDS.heleneDurand, "DURAND Hélène", consultation, "09:00", "09:20", "booked", 1),
    appointment("50000000-0000-4000-8000-000000000005", IDS.drGare, IDS.gareLefevre, "LEFÈVRE Anne", consultation, "09:00", "09:20"),
  ];
}

/**
 * Free slots in the week of Monday 24 November 2031 (far enough ahead to stay in the future), not in
 * time order, three of them Dr Martin's. The motif ids are each practitioner's everyday motif.
 */
export const MOTIFS = {
  martinConsultation: "60000000-0000-4000-8000-000000000001",
  dupontConsultation: "60000000-0000-4000-8000-000000000002",
  bernardSuivi: "60000000-0000-4000-8000-000000000003",
  gareConsultation: "60000000-0000-4000-8000-000000000004",
  dupontVaccination: "60000000-0000-4000-8000-000000000005",
  martinBilan: "60000000-0000-4000-8000-000000000006",
} as const;

const motif = (
  id: string,
  practitionerId: string,
  label: string,
  durationMinutes: number,
  color: string,
  extra: Partial<MotifView> = {},
): MotifView => ({
  id,
  practitionerId,
  label,
  durationMinutes,
  color,
  allowedForNewPatients: true,
  patientInstructions: "",
  minNoticeMinutes: 0,
  restrictions: {},
  ...extra,
});

/** Each practitioner's list starts with the everyday motif, as the core answers it. */
export const motifs: MotifView[] = [
  motif(MOTIFS.martinConsultation, IDS.drMartin, "Consultation", 20, "#bfdbfe"),
  motif(MOTIFS.martinBilan, IDS.drMartin, "Bilan sanguin", 15, "#fecaca", {
    patientInstructions: "Venir à jeun depuis la veille au soir.",
    allowedForNewPatients: false,
  }),
  motif(MOTIFS.dupontConsultation, IDS.drDupont, "Consultation", 20, "#bfdbfe"),
  motif(MOTIFS.dupontVaccination, IDS.drDupont, "Vaccination", 15, "#7c2d12"),
  motif(MOTIFS.bernardSuivi, IDS.sfBernard, "Suivi de grossesse", 30, "#bbf7d0"),
  motif(MOTIFS.gareConsultation, IDS.drGare, "Consultation", 20, "#bfdbfe"),
];

const slot = (practitionerId: string, appointmentTypeId: string, start: string, minutes: number): FreeSlotView => ({
  practitionerId,
  appointmentTypeId,
  startAt: new Date(start).toISOString(),
  endAt: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

export const freeSlots: FreeSlotView[] = [
  slot(IDS.drDupont, MOTIFS.dupontConsultation, "2031-11-25T14:00:00+01:00", 20),
  slot(IDS.drMartin, MOTIFS.martinConsultation, "2031-11-24T09:15:00+01:00", 20),
  slot(IDS.drMartin, MOTIFS.martinConsultation, "2031-11-24T09:35:00+01:00", 20),
  slot(IDS.drMartin, MOTIFS.martinConsultation, "2031-11-24T10:40:00+01:00", 20),
  slot(IDS.sfBernard, MOTIFS.bernardSuivi, "2031-11-26T08:30:00+01:00", 30),
  slot(IDS.drGare, MOTIFS.gareConsultation, "2031-11-24T08:00:00+01:00", 20),
];

/** The agency's accounts and workstations as the fake server gives them to an administrator. */
export const agencyUsers: AdminUserView[] = [
  { id: "40000000-0000-4000-8000-000000000001", login: "admin", displayName: "Marc Lefort", role: "admin", practiceIds: [IDS.tilleuls, IDS.gare], practitionerIds: [], extension: null, email: null, disabled: false },
  { id: "90000000-0000-4000-8000-000000000002", login: "secretaire", displayName: "Camille Laurent", role: "secretary", practiceIds: [IDS.tilleuls, IDS.gare], practitionerIds: [], extension: "201", email: null, disabled: false },
  // A doctor's account for the practitioners' portal: linked to Dr Martin, it serves his practice.
  { id: "90000000-0000-4000-8000-000000000009", login: "p.martin", displayName: "Dr Paul Martin", role: "practitioner", practiceIds: [IDS.tilleuls], practitionerIds: [IDS.drMartin], extension: null, email: null, disabled: false },
];

export const agencyDevices: AdminDeviceView[] = [
  {
    id: "91000000-0000-4000-8000-000000000001",
    userId: "90000000-0000-4000-8000-000000000002",
    userLogin: "secretaire",
    userName: "Camille Laurent",
    name: "POSTE-ACCUEIL-2",
    createdAt: "2026-11-02T08:00:00.000Z",
    lastSeenAt: "2026-11-24T08:15:00.000Z",
    revokedAt: null,
    closedAt: null,
    current: false,
  },
];
