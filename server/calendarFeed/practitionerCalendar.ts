import { and, asc, eq, gte, isNull, lt, ne } from "drizzle-orm";
import { appointments, practitioners } from "../../db/central/schema";
import { practitionerName } from "../../shared/domain/practitionerName";
import type { CentralDb } from "../context";
import { icsCalendar, type CalendarBlock } from "./icsCalendar";

const DAY_MS = 86_400_000;
/** What a calendar app shows of the past and the future: the recent weeks and a year ahead. */
export const FEED_PAST_DAYS = 31;
export const FEED_FUTURE_DAYS = 366;

/**
 * A practitioner's agenda as busy blocks, for their own calendar app. Only the times are read from the
 * database (never the patient, the motif or the notes), so no patient data can reach the feed.
 * Cancelled appointments free their time; null when the practitioner is no longer in the agency.
 */
export async function practitionerCalendar(db: CentralDb, practitionerId: string, now: Date): Promise<string | null> {
  const [practitioner] = await db
    .select({ title: practitioners.title, firstName: practitioners.firstName, lastName: practitioners.lastName, absences: practitioners.absences })
    .from(practitioners)
    .where(and(eq(practitioners.id, practitionerId), isNull(practitioners.deletedAt)));
  if (!practitioner) return null;
  const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const to = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
  const booked = await db
    .select({ id: appointments.id, startAt: appointments.startAt, endAt: appointments.endAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.practitionerId, practitionerId),
        isNull(appointments.deletedAt),
        ne(appointments.status, "cancelled"),
        gte(appointments.endAt, from),
        lt(appointments.startAt, to),
      ),
    )
    .orderBy(asc(appointments.startAt));
  const blocks: CalendarBlock[] = booked.map((appointment) => ({
    uid: `rdv-${appointment.id}@telesec`,
    start: appointment.startAt,
    end: appointment.endAt,
    summary: "Rendez-vous",
  }));
  for (const absence of practitioner.absences) {
    const start = new Date(absence.from);
    const end = new Date(absence.to);
    if (end < from || start >= to) continue;
    // Why the doctor is away (illness among the reasons) stays out of a calendar synced to who knows where.
    blocks.push({ uid: `absence-${practitionerId}-${start.getTime()}@telesec`, start, end, summary: "Absence" });
  }
  blocks.sort((a, b) => a.start.getTime() - b.start.getTime());
  return icsCalendar({ name: `${practitionerName(practitioner)} — Télésec`, stampedAt: now, blocks });
}
