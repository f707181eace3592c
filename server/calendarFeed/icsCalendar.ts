import { PARIS_TIME_ZONE, parisDateTime } from "../../shared/domain/parisTime";

/** One busy block of a practitioner's calendar: an appointment or an absence, never who or why. */
export interface CalendarBlock {
  /** Stable across reads, so calendar apps update an event instead of adding it again. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
}

/**
 * Europe/Paris as RFC 5545 requires it to be declared beside times given in it: the EU's rule since
 * 1996 (last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET).
 */
const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${PARIS_TIME_ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Content lines are folded at 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

const utcStamp = (instant: Date) => `${instant.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
const parisStamp = (instant: Date) => parisDateTime(instant).replace(/[-:]/g, "");

/** An iCalendar (RFC 5545) document of busy blocks in Paris time, CRLF line ends. */
export function icsCalendar({ name, stampedAt, blocks }: { name: string; stampedAt: Date; blocks: readonly CalendarBlock[] }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Télésec//Agenda du praticien//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(name)}`,
    `X-WR-TIMEZONE:${PARIS_TIME_ZONE}`,
    ...PARIS_VTIMEZONE,
  ];
  for (const block of blocks) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${block.uid}`,
      `DTSTAMP:${utcStamp(stampedAt)}`,
      `DTSTART;TZID=${PARIS_TIME_ZONE}:${parisStamp(block.start)}`,
      `DTEND;TZID=${PARIS_TIME_ZONE}:${parisStamp(block.end)}`,
      `SUMMARY:${icsText(block.summary)}`,
      "TRANSP:OPAQUE",
      "CLASS:PRIVATE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
