import { describe, expect, it } from "vitest";
import { toCalendarEvents } from "../../../renderer/src/features/agenda/calendarEvents";
import { readableTextColor } from "../../../renderer/src/features/agenda/readableTextColor";
import { todaysAppointments } from "../fixtures";

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
