/** The closed vocabularies of the data model: one list each, shared by both stores, the API and the UI. */
export const PRACTICE_KINDS = ["cabinet", "maison_de_sante", "centre_de_sante", "cabinet_paramedical"] as const;
export const COVERAGE_MODES = ["debordement", "hors_horaires", "astreinte_24_7"] as const;
export const NEW_PATIENT_POLICIES = ["oui", "non", "demander_au_medecin"] as const;
export const DIRECTIVE_CATEGORIES = [
  "urgence",
  "nouveaux_patients",
  "transfert",
  "ordonnances",
  "resultats",
  "administratif",
  "general",
] as const;
export const APPOINTMENT_STATUSES = ["booked", "cancelled", "noshow_excused", "noshow_unexcused", "fulfilled"] as const;
export const BOOKING_CHANNELS = ["telephone", "secretariat", "en_ligne", "cabinet"] as const;
/** « accord_nouveau_patient »: a request for a practitioner's agreement to see a new patient (shared/domain/doctorAgreement.ts). */
export const MESSAGE_CATEGORIES = ["rappel", "ordonnance", "resultats", "administratif", "urgence", "autre", "accord_nouveau_patient"] as const;
export const MESSAGE_URGENCIES = ["normale", "urgente"] as const;
export const MESSAGE_STATUSES = ["nouveau", "lu", "traite"] as const;
export const CALL_OUTCOMES = [
  "rdv_pris",
  "rdv_deplace",
  "rdv_annule",
  "message",
  "transfert",
  "info",
  "urgence_reorientee",
  "reoriente_confrere",
  "autre",
] as const;
/** Why a patient is to be called back (issue 18): the source the callback came from, or « manuel ». */
export const CALLBACK_KINDS = ["message", "liste_attente", "conflit", "reponse_medecin", "sms_echec", "manuel"] as const;
export const CALLBACK_STATUSES = ["a_faire", "en_cours", "fait", "abandonne"] as const;
export const CALLBACK_RESULTS = ["pas_de_reponse", "message_vocal", "joint", "faux_numero"] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];
/** A call the secretary answered, or one she made (calling a patient back, issue 18). */
export const CALL_DIRECTIONS = ["entrant", "sortant"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
/** The roles that sign in on a workstation; workstations hold the account rows of these roles only. */
export const WORKSTATION_ROLES = ["secretary", "supervisor", "admin"] as const;
/** Every account's role. A practitioner signs in on the practitioners' portal, never on a workstation. */
export const USER_ROLES = [...WORKSTATION_ROLES, "practitioner"] as const;

export type PracticeKind = (typeof PRACTICE_KINDS)[number];
export type CoverageMode = (typeof COVERAGE_MODES)[number];
export type NewPatientPolicy = (typeof NEW_PATIENT_POLICIES)[number];
export type DirectiveCategory = (typeof DIRECTIVE_CATEGORIES)[number];
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];
export type MessageUrgency = (typeof MESSAGE_URGENCIES)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type UserRole = (typeof USER_ROLES)[number];
export type WorkstationRole = (typeof WORKSTATION_ROLES)[number];

/** The e-mails a practitioner's account is sent (server/notifications): an urgent message, the digest of the others, a practice's day. */
export const NOTIFICATION_KINDS = ["urgent_message", "message_digest", "day_summary"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
