import { describe, expect, it } from "vitest";
import { daysNobodyWorks, toCalendarEvents } from "../../../renderer/src/features/agenda/calendarEvents";
import { readableTextColor } from "../../../renderer/src/features/agenda/readableTextColor";
import { tilleuls, todaysAppointments } from "../fixtures";

describe("calendar events", () => {
  it("titles each appointment 'patient — motif' in the motif's colour", () => {
    const [first] = toCalendarEvents(todaysAppointments());
    expect(first).toMatchObject({
      title: "DURAND Hélène — Consultation",
      color: "#bfdbfe",
      contrastColor: "#111827",
    });
  });
});

describe("readableTextColor", () => {
  it("puts dark text on pale colours and white text on deep ones", () => {
    expect(readableTextColor("#fde68a")).toBe("#111827");
    expect(readableTextColor("#7c2d12")).toBe("#ffffff");
    expect(readableTextColor("#000")).toBe("#ffffff");
    expect(readableTextColor("#FFF")).toBe("#111827");
  });

  it("leaves colours it cannot read to the calendar", () => {
    expect(readableTextColor("rebeccapurple")).toBeNull();
  });
});

describe("the week view's days", () => {
  it("leaves out the days nobody shown works, unless an appointment falls on one", () => {
    const weekdays = tilleuls.practitioners.map((practitioner) => ({ ...practitioner, workingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "08:00", end: "12:00" })) }));
    expect(daysNobodyWorks(weekdays, [])).toEqual([0, 6]);
    const saturday = { ...todaysAppointments()[0]!, startAt: "2031-11-22T08:00:00.000Z", endAt: "2031-11-22T08:20:00.000Z" };
    expect(daysNobodyWorks(weekdays, [saturday])).toEqual([0]);
    // Saturday 23:30 UTC is Sunday in Paris.
    expect(daysNobodyWorks(weekdays, [{ ...saturday, startAt: "2031-11-22T23:30:00.000Z" }])).toEqual([6]);
  });
});
