import type { MotifView, PatientView, PractitionerView } from "../../../../shared/api/views";
import type { MutationInput } from "../../../../shared/sync/mutations";

/** The booking form as filled: a practitioner, one of their motifs, a slot start, and the rest. */
export interface BookingFormValues {
  practitionerId: string;
  appointmentTypeId: string;
  /** The chosen slot's start, an ISO instant; "" until one is chosen. */
  startAt: string;
  notes: string;
}

export type BookingField = keyof BookingFormValues | "patient";
export type BookingFormErrors = Partial<Record<BookingField, string>>;

export const NO_PATIENT_ERROR = "Identifiez d'abord le patient (Alt+I), recherchez-le (Alt+R) ou créez-le (Alt+P).";

/** No motifs yet: one constant, so effects that depend on the list do not rerun on every render. */
export const NO_MOTIFS: MotifView[] = [];

/** The motifs of one practitioner, the everyday one first as the core lists them. */
export function motifsOf(motifs: MotifView[], practitionerId: string): MotifView[] {
  return motifs.filter((motif) => motif.practitionerId === practitionerId);
}

/**
 * The form read into `appointment.book` (without its id), or what to correct. The end follows from
 * the motif's duration; every booking rule beyond that is checked by the core, which answers in French.
 */
export function readBookingForm(
  values: BookingFormValues,
  patient: PatientView | null,
  practitioners: PractitionerView[],
  motifs: MotifView[],
  /** The practitioner's agreement the booking cites (a new patient of a practitioner who asks first). */
  agreementId: string | null = null,
): { args: Omit<MutationInput<"appointment.book">, "id"> } | { errors: BookingFormErrors } {
  const errors: BookingFormErrors = {};
  if (!patient) errors.patient = NO_PATIENT_ERROR;
  const practitioner = practitioners.find((candidate) => candidate.id === values.practitionerId);
  if (!practitioner) errors.practitionerId = "Choisissez le praticien.";
  const motif = motifs.find((candidate) => candidate.id === values.appointmentTypeId && candidate.practitionerId === values.practitionerId);
  if (!motif) errors.appointmentTypeId = "Choisissez le motif du rendez-vous.";
  const start = Date.parse(values.startAt);
  if (values.startAt === "" || Number.isNaN(start)) errors.startAt = "Choisissez un créneau.";
  const notes = values.notes.trim();
  if (notes.length > 5000) errors.notes = "Note trop longue (5 000 caractères au plus).";
  if (!patient || !motif || Object.keys(errors).length > 0) return { errors };
  return {
    args: {
      practitionerId: values.practitionerId,
      patientId: patient.id,
      appointmentTypeId: motif.id,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + motif.durationMinutes * 60_000).toISOString(),
      notes: notes === "" ? null : notes,
      agreementId,
    },
  };
}
