import { describe, expect, it } from "vitest";
import { foldLine, icsCalendar, icsText } from "../../server/calendarFeed/icsCalendar";

describe("iCalendar writing (RFC 5545)", () => {
  it("escapes TEXT values", () => {
    expect(icsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds lines at 75 octets without cutting a UTF-8 character, and unfolds back to the same line", () => {
    const line = `X-WR-CALNAME:${"é".repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
    expect(foldLine("SUMMARY:court")).toBe("SUMMARY:court");
  });

  it("writes a calendar with no event when the practitioner has none", () => {
    const text = icsCalendar({ name: "Dr A, B; C", stampedAt: new Date("2026-11-23T09:00:00Z"), blocks: [] });
    expect(text).toContain("X-WR-CALNAME:Dr A\\, B\\; C\r\n");
    expect(text).not.toContain("BEGIN:VEVENT");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  });
});
