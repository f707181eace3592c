import { bigint, date, integer, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import { CALL_DIRECTIONS } from "../../../shared/domain/enums";
import { practices } from "./practice";

/** The figures of a set of calls, the same in the hour and the day tables (the triggers of 0025–0026 add to both). */
const callFigures = {
  calls: integer().notNull().default(0),
  /** Picked up (by the PBX's account) or given an outcome by a secretary. */
  answered: integer().notNull().default(0),
  /** Ended without being picked up nor given an outcome: missed or abandoned by the caller. */
  missed: integer().notNull().default(0),
  /** Answered and ended: the calls whose handling time is known, and its sum. */
  handled: integer().notNull().default(0),
  handledSeconds: bigint({ mode: "number" }).notNull().default(0),
  rdvPris: integer().notNull().default(0),
  rdvDeplace: integer().notNull().default(0),
  rdvAnnule: integer().notNull().default(0),
  message: integer().notNull().default(0),
  transfert: integer().notNull().default(0),
  info: integer().notNull().default(0),
  urgenceReorientee: integer().notNull().default(0),
  reorienteConfrere: integer().notNull().default(0),
  autre: integer().notNull().default(0),
};

/**
 * Central only: the figures the reports read (issue 19), kept by triggers in the transaction that
 * writes the rows they count (migration 0025), so they never drift from them and every writer — a
 * push, a PBX event, the seed — is counted. Counts, never whom: a purge leaves them as they are.
 *
 * A practice's calls of one Paris hour (by the Paris date and hour the call started), per direction.
 */
export const callHourStats = pgTable(
  "call_hour_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    day: date({ mode: "string" }).notNull(),
    hour: smallint().notNull(),
    direction: text({ enum: CALL_DIRECTIONS }).notNull(),
    ...callFigures,
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.day, table.hour, table.direction] })],
);

/** The same figures per Paris day and direction: what totals and days read (a year is 365 rows a practice, not thousands). */
export const callDayStats = pgTable(
  "call_day_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    day: date({ mode: "string" }).notNull(),
    direction: text({ enum: CALL_DIRECTIONS }).notNull(),
    ...callFigures,
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.day, table.direction] })],
);

/**
 * A practice's incoming calls of one calendar month by ISO weekday and Paris hour: the load chart of a long
 * period reads its whole months here, its edge days from call_hour_stat.
 */
export const callLoadMonthStats = pgTable(
  "call_load_month_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    /** The month's first day. */
    month: date({ mode: "string" }).notNull(),
    weekday: smallint().notNull(),
    hour: smallint().notNull(),
    calls: integer().notNull().default(0),
    answered: integer().notNull().default(0),
    missed: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.month, table.weekday, table.hour] })],
);

/** call_duration_stat per calendar month (its first day), for the whole months of a long period. */
export const callDurationMonthStats = pgTable(
  "call_duration_month_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    month: date({ mode: "string" }).notNull(),
    bucket: smallint().notNull(),
    calls: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.month, table.bucket] })],
);

/**
 * How long a practice's answered incoming calls of one Paris day took, as a histogram: `bucket` is the
 * lower bound in seconds (10 s wide under 10 min, a minute wide under 30 min, then one), so a period's
 * 90th percentile is read to within a bucket without reading the calls.
 */
export const callDurationStats = pgTable(
  "call_duration_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    day: date({ mode: "string" }).notNull(),
    bucket: smallint().notNull(),
    calls: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.day, table.bucket] })],
);

/**
 * A practice's appointments and messages of one Paris day: booked, moved and cancelled by the day the
 * server applied it (the audit trail's instant), no-shows by the appointment's day, messages by the
 * day they were taken.
 */
export const practiceDayStats = pgTable(
  "practice_day_stat",
  {
    practiceId: uuid()
      .notNull()
      .references(() => practices.id),
    day: date({ mode: "string" }).notNull(),
    booked: integer().notNull().default(0),
    moved: integer().notNull().default(0),
    cancelled: integer().notNull().default(0),
    noShowsExcused: integer().notNull().default(0),
    noShowsUnexcused: integer().notNull().default(0),
    messages: integer().notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.practiceId, table.day] })],
);
