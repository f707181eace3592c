import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AgendaAppointment, PractitionerView } from "../../../shared/api/views";
import { AgendaSketch, hasOverlaps } from "../../../renderer/src/features/agenda/AgendaSketch";

/**
 * The sketch is the day's first frame (issue 15): what it draws must sit where FullCalendar then draws it
 * (100 px an hour from 07:00, Paris wall clock), or the secretary sees the agenda jump. The e2e test
 * agendaFirstPaint.test.ts compares both in Chromium; these pin the arithmetic, DST days included.
 */
const doctor: PractitionerView = {
  id: "20000000-0000-4000-8000-000000000001",
  practiceId: "10000000-0000-4000-8000-000000000001",
  title: "Dr",
  firstName: "Claire",
  lastName: "Martin",
  specialty: "Médecin généraliste",
  acceptsNewPatients: "oui",
  // Sundays too, to draw the DST Sunday's hours.
  workingHours: [1, 2, 3, 4, 5, 7].flatMap((weekday) => [
    { weekday, start: "08:30", end: "12:00" },
    { weekday, start: "14:00", end: "19:00" },
  ]),
  absences: [],
  color: "#2563eb",
};

let counter = 0;
function appointment(startAt: string, endAt: string, patientName = `PATIENT ${++counter}`): AgendaAppointment {
  return {
    id: `50000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
    practitionerId: doctor.id,
    patientId: "30000000-0000-4000-8000-000000000001",
    patientName,
    appointmentTypeId: "60000000-0000-4000-8000-000000000001",
    motifLabel: "Consultation",
    motifColor: "#fde68a",
    startAt,
    endAt,
    status: "booked",
    notes: null,
    pending: false,
  };
}

function sketch(date: string, appointments: AgendaAppointment[], practitioners = [doctor]) {
  const { container } = render(<AgendaSketch date={date} appointments={appointments} practitioners={practitioners} header="Dr Claire Martin" scrollTime="09:00:00" />);
  const boxes = [...container.querySelectorAll<HTMLElement>(".agenda-sketch__event")].map((element) => ({
    text: element.textContent,
    top: parseFloat(element.style.top),
    height: parseFloat(element.style.height),
  }));
  const closed = [...container.querySelectorAll<HTMLElement>(".agenda-sketch__closed:not(.absence)")].map((element) => [parseFloat(element.style.top), parseFloat(element.style.height)]);
  const absent = [...container.querySelectorAll<HTMLElement>(".agenda-sketch__closed.absence")].map((element) => [parseFloat(element.style.top), parseFloat(element.style.height)]);
  return { container, boxes, closed, absent };
}

describe("the agenda's sketch", () => {
  it("puts each appointment at its Paris time, 100 px an hour from 07:00, and says it is busy", () => {
    // Thursday 20 November 2031, Paris is UTC+1.
    const { container, boxes } = sketch("2031-11-20", [appointment("2031-11-20T09:00:00.000Z", "2031-11-20T09:20:00.000Z", "DURAND Hélène")]);
    expect(boxes).toEqual([{ text: "10:00 – 10:20DURAND Hélène — Consultation", top: 300, height: 100 / 3 - 1 }]);
    expect(container.querySelector(".agenda-sketch")).toHaveAttribute("aria-busy", "true");
    expect(screen.getByText("Dr Claire Martin")).toBeInTheDocument();
  });

  it("reads the wall clock on the days the clocks change", () => {
    // Sunday 28 March 2027: 02:00 → 03:00. 10:00 Paris is 08:00 UTC (it was 09:00 UTC the day before).
    const { boxes } = sketch("2027-03-28", [appointment("2027-03-28T08:00:00.000Z", "2027-03-28T08:30:00.000Z")]);
    expect(boxes.map((box) => [box.top, box.height])).toEqual([[300, 49]]);
  });

  it("shades the hours the practitioner does not work, and an absence over the day", () => {
    const away = { ...doctor, absences: [{ from: "2031-11-20T15:00:00.000Z", to: "2031-11-22T00:00:00.000Z", reason: "formation" as const }] };
    const { closed, absent } = sketch("2031-11-20", [], [away]);
    // 07:00–08:30, 12:00–14:00, 19:00–21:00.
    expect(closed).toEqual([
      [0, 150],
      [500, 200],
      [1200, 200],
    ]);
    // From 16:00 Paris to the end of the grid.
    expect(absent).toEqual([[900, 500]]);
  });

  it("shades nothing for a practitioner without working hours, as the grid then has no business hours", () => {
    const { closed } = sketch("2031-11-20", [], [{ ...doctor, workingHours: [] }]);
    expect(closed).toEqual([]);
    // A day this practitioner does not work (Saturday), among days they do: all of it shaded.
    expect(sketch("2031-11-22", []).closed).toEqual([[0, 1400]]);
  });

  it("clips what lies outside the grid's hours", () => {
    const { boxes } = sketch("2031-11-20", [
      appointment("2031-11-20T08:00:00.000Z", "2031-11-20T08:30:00.000Z"),
      // 06:00–07:30 Paris: only its last half hour is on the grid.
      appointment("2031-11-20T05:00:00.000Z", "2031-11-20T06:30:00.000Z"),
      // The evening before, and 20:45–21:30 Paris: nothing, and a quarter of an hour.
      appointment("2031-11-19T18:00:00.000Z", "2031-11-19T18:30:00.000Z"),
      appointment("2031-11-20T19:45:00.000Z", "2031-11-20T20:30:00.000Z"),
    ]);
    expect(boxes.map((box) => [box.top, box.height])).toEqual([
      [200, 49],
      [0, 49],
      [1375, 24],
    ]);
  });

  it("tells a day with overlapping appointments, which FullCalendar draws at once instead", () => {
    const at = (start: string, end: string) => appointment(`2031-11-20T${start}:00.000Z`, `2031-11-20T${end}:00.000Z`);
    expect(hasOverlaps([at("09:00", "09:20"), at("09:20", "09:40"), at("10:00", "10:30")])).toBe(false);
    expect(hasOverlaps([at("10:00", "10:30"), at("09:00", "09:20"), at("10:15", "10:45")])).toBe(true);
    // Inside a long one, after a short one that does not reach it.
    expect(hasOverlaps([at("08:00", "12:00"), at("09:00", "09:20"), at("11:00", "11:20")])).toBe(true);
    expect(hasOverlaps([])).toBe(false);
  });
});
