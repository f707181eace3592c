import { describe, expect, it } from "vitest";
import { agendaRangeOf, shiftedDate } from "../../../renderer/src/features/agenda/agendaRange";
import { decideDrop } from "../../../renderer/src/features/agenda/appointmentDrop";
import { NO_PATIENT_ERROR, readBookingForm } from "../../../renderer/src/features/agenda/bookingForm";
import { absenceEvents, appointmentTitle, businessHoursOf } from "../../../renderer/src/features/agenda/calendarEvents";
import { preferredWindowsOf, readWaitlistForm } from "../../../renderer/src/features/agenda/waitlistForm";
import { callOpenedByHand, withAppointment, withoutAppointment } from "../../../renderer/src/stores/callLine";
import { IDS, MOTIFS, motifs, patients, tilleuls, todaysAppointments } from "../fixtures";

const helene = patients.find((patient) => patient.id === IDS.heleneDurand)!;
const [appointment] = todaysAppointments();

describe("booking form", () => {
  const values = { practitionerId: IDS.drMartin, appointmentTypeId: MOTIFS.martinBilan, startAt: "2031-11-24T08:15:00.000Z", notes: "  " };

  it("ends the appointment after the motif's duration and drops an empty note", () => {
    expect(readBookingForm(values, helene, tilleuls.practitioners, motifs)).toEqual({
      args: {
        practitionerId: IDS.drMartin,
        patientId: IDS.heleneDurand,
        appointmentTypeId: MOTIFS.martinBilan,
        startAt: "2031-11-24T08:15:00.000Z",
        endAt: "2031-11-24T08:30:00.000Z",
        notes: null,
        agreementId: null,
      },
    });
  });

  it("says what is missing: the patient, a motif of that practitioner, a slot", () => {
    expect(readBookingForm({ ...values, appointmentTypeId: MOTIFS.dupontConsultation, startAt: "" }, null, tilleuls.practitioners, motifs)).toEqual({
      errors: { patient: NO_PATIENT_ERROR, appointmentTypeId: "Choisissez le motif du rendez-vous.", startAt: "Choisissez un créneau." },
    });
  });
});

describe("waitlist form", () => {
  const values = { appointmentTypeId: MOTIFS.martinConsultation, practitionerIds: [IDS.drMartin], weekdays: [4, 2], from: "08:00", to: "12:00", notes: "" };

  it("turns the ticked days into weekly windows, in weekday order; no day is any time", () => {
    expect(preferredWindowsOf([4, 2], "08:00", "12:00")).toEqual([
      { weekday: 2, start: "08:00", end: "12:00" },
      { weekday: 4, start: "08:00", end: "12:00" },
    ]);
    expect(readWaitlistForm({ ...values, weekdays: [] }, IDS.heleneDurand)).toMatchObject({ args: { preferredWindows: [], notes: null } });
  });

  it("refuses times in the wrong order or shape, and a list without practitioner or patient", () => {
    expect(readWaitlistForm({ ...values, from: "14:00", to: "09:00" }, IDS.heleneDurand)).toEqual({ errors: { to: "L'heure de fin doit suivre l'heure de début." } });
    expect(readWaitlistForm({ ...values, from: "8h", practitionerIds: [] }, null)).toEqual({
      errors: {
        patient: "Identifiez d'abord le patient qui attend un créneau.",
        practitionerIds: "Cochez au moins un praticien.",
        from: "Heure de début attendue au format HH:MM.",
      },
    });
  });
});

describe("dragging an appointment", () => {
  const now = new Date("2031-11-20T10:00:00Z");
  const booked = { ...appointment!, startAt: "2031-11-24T08:00:00.000Z", endAt: "2031-11-24T08:20:00.000Z" };

  it("moves a booked appointment to where it was dropped", () => {
    const start = new Date("2031-11-24T09:00:00Z");
    const end = new Date("2031-11-24T09:20:00Z");
    expect(decideDrop(booked, start, end, now)).toEqual({ kind: "move", args: { id: booked.id, startAt: start.toISOString(), endAt: end.toISOString() } });
    expect(decideDrop(booked, new Date(booked.startAt), new Date(booked.endAt), now)).toEqual({ kind: "unchanged" });
  });

  it("refuses the past, what is no longer booked and what is no longer shown", () => {
    expect(decideDrop(booked, new Date("2031-11-19T09:00:00Z"), new Date("2031-11-19T09:20:00Z"), now)).toEqual({
      kind: "refuse",
      message: "Un rendez-vous ne peut pas être déplacé dans le passé.",
    });
    expect(decideDrop({ ...booked, status: "fulfilled" }, new Date("2031-11-24T09:00:00Z"), new Date("2031-11-24T09:20:00Z"), now)).toMatchObject({ kind: "refuse" });
    expect(decideDrop(undefined, null, null, now)).toMatchObject({ kind: "refuse" });
  });
});

describe("agenda grid", () => {
  it("spans a day, or the Monday-to-Sunday week, and moves by one of them", () => {
    expect(agendaRangeOf("cabinet", "2031-11-26")).toEqual({ from: "2031-11-25T23:00:00Z", to: "2031-11-26T23:00:00Z", firstDate: "2031-11-26", dayCount: 1 });
    expect(agendaRangeOf("semaine", "2031-11-26")).toMatchObject({ firstDate: "2031-11-24", dayCount: 7 });
    expect(shiftedDate("jour", "2031-11-30", 1)).toBe("2031-12-01");
    expect(shiftedDate("semaine", "2031-11-26", -1)).toBe("2031-11-19");
  });

  it("titles an appointment with its practitioner when several share a grid, and with what happened to it", () => {
    const martin = tilleuls.practitioners[0]!;
    expect(appointmentTitle({ ...appointment!, status: "noshow_unexcused", pending: true }, martin)).toBe(
      "DURAND Hélène — Consultation (Dr Claire Martin, absence non excusée, en attente d'envoi)",
    );
  });

  it("shades outside working hours (Sunday is the calendar's 0) and names absences", () => {
    const martin = { ...tilleuls.practitioners[0]!, workingHours: [{ weekday: 7, start: "09:00", end: "12:00" }] };
    expect(businessHoursOf(martin)).toEqual([{ daysOfWeek: [0], startTime: "09:00", endTime: "12:00" }]);
    const away = { ...martin, absences: [{ from: "2031-12-01T00:00:00+01:00", to: "2031-12-08T00:00:00+01:00", reason: "conges" as const }] };
    expect(absenceEvents([away])).toEqual([expect.objectContaining({ display: "background", title: "Dr Claire Martin absent (congés)" })]);
  });
});

describe("appointments handled during a call", () => {
  it("are linked once each and set the proposed outcome, except over an emergency", () => {
    const call = callOpenedByHand({ id: "c", dialledNumber: "+33478000001", callerNumber: null, startedAt: "2031-11-20T10:00:00Z" });
    const booked = withAppointment(withAppointment(call, "a", "rdv_pris"), "a", "rdv_deplace");
    expect(booked).toMatchObject({ appointmentIds: ["a"], outcome: "rdv_deplace" });
    expect(withAppointment({ ...call, outcome: "urgence_reorientee" }, "b", "rdv_pris").outcome).toBe("urgence_reorientee");
  });

  it("leave the call when the server refuses them: the outcome becomes what remains, none once none is left", () => {
    const call = callOpenedByHand({ id: "c", dialledNumber: "+33478000001", callerNumber: null, startedAt: "2031-11-20T10:00:00Z" });
    const two = withAppointment(withAppointment(call, "a", "rdv_annule"), "b", "rdv_pris");
    expect(withoutAppointment(two, "b")).toMatchObject({ appointmentIds: ["a"], outcome: "rdv_annule" });
    expect(withoutAppointment(withoutAppointment(two, "b"), "a")).toMatchObject({ appointmentIds: [], outcome: null });
    expect(withoutAppointment({ ...withAppointment(call, "a", "rdv_pris"), outcome: "urgence_reorientee" }, "a").outcome).toBe("urgence_reorientee");
    expect(withoutAppointment(two, "z")).toBe(two);
  });
});
