import {
  appointments,
  appointmentTypes,
  calls,
  dialledNumbers,
  directives,
  messages,
  patients,
  practices,
  practitioners,
  users,
  waitlistEntries,
} from "../local/schema";

/**
 * The tables the seed fills, by the name its batches carry. Their drizzle insert models are the
 * shape of the generated rows (see generate/rows.ts); the local writer inserts into them as is.
 */
export const SEED_TABLES = {
  practice: practices,
  dialledNumber: dialledNumbers,
  practitioner: practitioners,
  appointmentType: appointmentTypes,
  directive: directives,
  user: users,
  patient: patients,
  appointment: appointments,
  waitlistEntry: waitlistEntries,
  call: calls,
  message: messages,
} as const;
