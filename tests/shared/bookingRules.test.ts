import { describe, expect, it } from "vitest";
import type { AgreementStanding } from "../../shared/domain/doctorAgreement";
import { checkBooking, describeDuration, newPatientMatters, type BookingCheck, type BookingMotif, type BookingPractitioner } from "../../shared/domain/bookingRules";

/**
 * Dr Claire Martin works Monday to Friday 08:30–12:30 and 14:00–18:00 (the gap is lunch), takes new
 * patients only with her agreement, opens exceptionally on Saturday 28 November 2026 09:00–12:00
 * and is on holiday from Monday 7 December to Friday 11 December 2026 inclusive.
 */
const martin: BookingPractitioner = {
  title: "Dr",
  firstName: "Claire",
  lastName: "Martin",
  acceptsNewPatients: "demander_au_medecin",
  workingHours: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: "08:30", end: "12:30" },
    { weekday, start: "14:00", end: "18:00" },
  ]),
  exceptionalOpenings: [{ date: "2026-11-28", start: "09:00", end: "12:00" }],
  absences: [{ from: "2026-12-07T00:00:00+01:00", to: "2026-12-12T00:00:00+01:00", reason: "conges", label: "Congés" }],
};
const consultation: BookingMotif = { label: "Consultation", durationMinutes: 20, allowedForNewPatients: false, minNoticeMinutes: 0, restrictions: {} };
const homeVisit: BookingMotif = {
  label: "Visite à domicile",
  durationMinutes: 45,
  allowedForNewPatients: true,
  minNoticeMinutes: 2880,
  restrictions: { weekdays: [2, 4], from: "14:00", to: "18:00" },
};

/** Monday 23 November 2026, 10:00 in Paris. */
const NOW = Date.parse("2026-11-23T10:00:00+01:00");

function check(start: string, minutes: number, changes: Partial<BookingCheck> = {}) {
  const startAt = Date.parse(start);
  return checkBooking({ practitioner: martin, motif: consultation, startAt, endAt: startAt + minutes * 60_000, now: NOW, newPatient: false, agreement: "none", ...changes });
}

describe("booking rules", () => {
  it("accept an appointment inside working hours, up to the window's end", () => {
    expect(check("2026-11-24T08:30:00+01:00", 20)).toBeNull();
    expect(check("2026-11-24T12:10:00+01:00", 20)).toBeNull();
    expect(check("2026-11-24T14:00:00+01:00", 20)).toBeNull();
  });

  it("refuse outside working hours, across the lunch break and on a day off, saying the day's hours", () => {
    expect(check("2026-11-24T08:00:00+01:00", 20)).toEqual({
      code: "outside_hours",
      message: "Hors des horaires du Dr Claire Martin : le mardi 24/11/2026, 08:30–12:30 et 14:00–18:00.",
    });
    expect(check("2026-11-24T12:20:00+01:00", 20)?.code).toBe("outside_hours");
    expect(check("2026-11-24T13:00:00+01:00", 20)?.code).toBe("outside_hours");
    expect(check("2026-11-29T10:00:00+01:00", 20)).toEqual({ code: "outside_hours", message: "Dr Claire Martin ne consulte pas le dimanche 29/11/2026." });
  });

  it("open the exceptional openings, on their date only", () => {
    expect(check("2026-11-28T09:00:00+01:00", 20)).toBeNull();
    expect(check("2026-11-28T11:50:00+01:00", 20)?.code).toBe("outside_hours");
    expect(check("2026-12-05T09:00:00+01:00", 20)?.code).toBe("outside_hours");
  });

  it("refuse during an absence, with its dates, whole days written as such", () => {
    expect(check("2026-12-08T09:00:00+01:00", 20)).toEqual({
      code: "practitioner_absent",
      message: "Absence du Dr Claire Martin (Congés) du 07/12/2026 au 11/12/2026 : aucun rendez-vous possible.",
    });
    expect(check("2026-12-14T09:00:00+01:00", 20)).toBeNull();
  });

  it("hold the motif to its days, its hours and its minimum notice", () => {
    // Thursday 26 November 15:00: a home-visit day and hour, three days ahead.
    expect(check("2026-11-26T15:00:00+01:00", 45, { motif: homeVisit })).toBeNull();
    expect(check("2026-11-25T15:00:00+01:00", 45, { motif: homeVisit })).toEqual({
      code: "motif_not_allowed",
      message: "Le motif « Visite à domicile » n'est proposé que le mardi et le jeudi.",
    });
    expect(check("2026-11-26T10:00:00+01:00", 45, { motif: homeVisit })).toEqual({
      code: "motif_not_allowed",
      message: "Le motif « Visite à domicile » n'est proposé qu'entre 14:00 et 18:00.",
    });
    expect(check("2026-11-24T15:00:00+01:00", 45, { motif: homeVisit })).toEqual({
      code: "motif_not_allowed",
      message: "Le motif « Visite à domicile » demande un délai de prévenance de 2 jours : pas avant le 25/11/2026 à 10:00.",
    });
  });

  it("refuse a slot already past, even without notice", () => {
    expect(check("2026-11-23T09:40:00+01:00", 20)).toEqual({ code: "motif_not_allowed", message: "Ce créneau est déjà passé." });
    expect(check("2026-11-23T10:00:00+01:00", 20)).toBeNull();
  });

  it("follow the practitioner's policy for new patients, only an agreement given opening 'ask the doctor'", () => {
    const firstVisit = { ...consultation, label: "Première consultation", allowedForNewPatients: true };
    const asked = (agreement: AgreementStanding) => check("2026-11-24T09:00:00+01:00", 30, { motif: firstVisit, newPatient: true, agreement });
    expect(asked("none")).toEqual({
      code: "new_patients_closed",
      message: "Dr Claire Martin ne prend de nouveau patient qu'avec son accord : demandez-le (« Demander l'accord du médecin »), le rendez-vous se prend dès sa réponse.",
    });
    expect(asked("awaiting")).toEqual({ code: "new_patients_closed", message: "Dr Claire Martin n'a pas encore répondu à la demande d'accord pour ce patient." });
    expect(asked("refused")).toEqual({ code: "new_patients_closed", message: "Dr Claire Martin a refusé de recevoir ce patient." });
    expect(asked("not_applicable")).toEqual({ code: "new_patients_closed", message: "L'accord cité ne concerne pas ce patient chez Dr Claire Martin : demandez le sien." });
    expect(asked("agreed")).toBeNull();
    const closed = { ...martin, acceptsNewPatients: "non" as const };
    expect(check("2026-11-24T09:00:00+01:00", 30, { practitioner: closed, motif: firstVisit, newPatient: true, agreement: "agreed" })).toEqual({
      code: "new_patients_closed",
      message: "Dr Claire Martin n'accepte pas de nouveaux patients.",
    });
    // A known patient is not held to the policy; a move (newPatient null) neither.
    expect(check("2026-11-24T09:00:00+01:00", 30, { practitioner: closed, motif: firstVisit, newPatient: false })).toBeNull();
    expect(check("2026-11-24T09:00:00+01:00", 30, { practitioner: closed, motif: firstVisit, newPatient: null })).toBeNull();
  });

  it("keep motifs closed to new patients closed, even with the doctor's agreement", () => {
    expect(check("2026-11-24T09:00:00+01:00", 20, { newPatient: true, agreement: "agreed" })).toEqual({
      code: "motif_not_allowed",
      message: "Le motif « Consultation » n'est pas ouvert aux nouveaux patients.",
    });
    expect(newPatientMatters(martin, consultation)).toBe(true);
    expect(newPatientMatters({ acceptsNewPatients: "oui" }, { allowedForNewPatients: true })).toBe(false);
  });

  it("say the slot is taken last, when the caller knows it is", () => {
    expect(check("2026-11-24T09:00:00+01:00", 20, { slotTaken: true })).toEqual({ code: "slot_taken", message: "Ce créneau est déjà pris." });
    expect(check("2026-11-24T08:00:00+01:00", 20, { slotTaken: true })?.code).toBe("outside_hours");
  });

  it("use Paris wall-clock hours on both sides of a DST change", () => {
    // Monday 30 March 2026 (summer time, UTC+2) and Monday 26 October 2026 (winter time, UTC+1): 08:30 Paris either way.
    expect(check("2026-03-30T06:30:00Z", 20, { now: Date.parse("2026-03-01T00:00:00Z") })).toBeNull();
    expect(check("2026-03-30T06:20:00Z", 20, { now: Date.parse("2026-03-01T00:00:00Z") })?.code).toBe("outside_hours");
    expect(check("2026-10-26T07:30:00Z", 20, { now: Date.parse("2026-10-01T00:00:00Z") })).toBeNull();
    expect(check("2026-10-26T06:30:00Z", 20, { now: Date.parse("2026-10-01T00:00:00Z") })?.code).toBe("outside_hours");
  });

  it("write notice durations the French way", () => {
    expect([45, 90, 120, 1440, 2880].map(describeDuration)).toEqual(["45 min", "1 h 30", "2 h", "24 h", "2 jours"]);
  });
});
