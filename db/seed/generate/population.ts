import { drawAppointments } from "./appointments";
import { inBatches } from "./batches";
import { drawCallLog } from "./callLog";
import type { StaffedPractice } from "./directory";
import type { IsoDate } from "./parisCalendar";
import { demoPatientRow, drawPatients } from "./patients";
import { randomStream } from "./random";
import type { AppointmentRow, PatientRow, SeedBatch } from "./rows";
import { seedNow } from "./timeline";
import { drawWaitlist } from "./waitlist";

export interface PopulationContext {
  referenceDate: IsoDate;
  bookingRate: number;
  secretaryIds: readonly string[];
}

/** Upcoming bookings kept aside per practice, for the call log to point at. */
const BOOKINGS_KEPT = 30;

/**
 * One practice's patients, agenda, waitlist and call log, as batches. Only this practice's
 * patients are held (the agenda picks among them); appointments stream straight through.
 */
export function* populatePractice(practice: StaffedPractice, patientCount: number, context: PopulationContext): Generator<SeedBatch> {
  const practiceId = practice.practice.id;
  const { referenceDate } = context;
  const leading = practice.index === 0 ? [demoPatientRow(referenceDate)] : [];
  const patientContext = { practiceId, referenceDate, phoneZone: practice.town.phoneZone };
  const patients: PatientRow[] = [...leading, ...drawPatients(randomStream("patients", practice.index), patientCount - leading.length, patientContext)];
  yield* inBatches("patient", patients);

  const agendaRandom = randomStream("agenda", practice.index);
  const agenda = { referenceDate, bookingRate: context.bookingRate, patientIds: patients.map((patient) => patient.id), bookerIds: context.secretaryIds };
  const now = seedNow(referenceDate).getTime();
  const bookings: AppointmentRow[] = [];
  const keepSomeBookings = function* (appointments: Iterable<AppointmentRow>) {
    for (const appointment of appointments) {
      if (bookings.length < BOOKINGS_KEPT && appointment.status === "booked" && appointment.startAt.getTime() > now) bookings.push(appointment);
      yield appointment;
    }
  };
  for (const member of practice.staff) {
    yield* inBatches("appointment", keepSomeBookings(drawAppointments(agendaRandom, member.row, member.motifs, agenda)));
  }

  const activityRandom = randomStream("activity", practice.index);
  const motifs = practice.staff.flatMap((member) => member.motifs);
  yield* inBatches("waitlistEntry", drawWaitlist(activityRandom, { practiceId, referenceDate, patients, motifs, bookerIds: context.secretaryIds }));
  const callLog = drawCallLog(activityRandom, {
    practiceId,
    referenceDate,
    dialledNumbers: practice.dialledNumbers.map((number) => number.e164),
    team: practice.staff,
    patients,
    bookings,
    secretaryIds: context.secretaryIds,
  });
  yield* inBatches("call", callLog.calls);
  yield* inBatches("message", callLog.messages);
}
