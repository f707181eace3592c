import { dayOfIsoDate, isoWeekdayOfDay, minutesOfTime } from "./parisDays";
import type { Absence, MotifRestrictions, WeeklyHours } from "./schedules";

/**
 * A practitioner's and a motif's booking rules, compiled once into numbers (Paris day numbers,
 * minutes of the day, epoch ms) for the booking checks and the slot engine, which both walk them.
 */
export type MinuteWindow = readonly [start: number, end: number];

export interface SchedulePractitioner {
  workingHours: WeeklyHours;
  exceptionalOpenings: ReadonlyArray<{ date: string; start: string; end: string }>;
  absences: readonly Absence[];
}

export interface CompiledAbsence {
  from: number;
  to: number;
  absence: Absence;
}

export interface PractitionerSchedule {
  /** Index 1 (lundi) … 7 (dimanche): that weekday's working windows, sorted, touching ones merged. */
  weekly: ReadonlyArray<readonly MinuteWindow[]>;
  /** Days with exceptional openings: the weekly windows plus the openings, merged. */
  openings: ReadonlyMap<number, readonly MinuteWindow[]>;
  /** Sorted by start. */
  absences: readonly CompiledAbsence[];
}

export interface TimedMotif {
  durationMinutes: number;
  minNoticeMinutes: number;
  restrictions: MotifRestrictions;
}

export interface CompiledMotif {
  durationMs: number;
  noticeMs: number;
  /** Null when every day is allowed. */
  weekdays: ReadonlySet<number> | null;
  /** The motif's daily bounds in minutes, or null when it has none. */
  from: number | null;
  to: number | null;
}

const NO_WINDOWS: readonly MinuteWindow[] = [];

/** Sorts windows and merges those that overlap or touch (08:00–12:00 and 12:00–14:00 are one stretch); drops empty ones. */
export function mergeWindows(windows: MinuteWindow[]): MinuteWindow[] {
  const sorted = windows.filter(([start, end]) => start < end).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function compileSchedule(practitioner: SchedulePractitioner): PractitionerSchedule {
  const byWeekday: MinuteWindow[][] = Array.from({ length: 8 }, () => []);
  for (const window of practitioner.workingHours) byWeekday[window.weekday]?.push([minutesOfTime(window.start), minutesOfTime(window.end)]);
  const weekly = byWeekday.map(mergeWindows);

  const extra = new Map<number, MinuteWindow[]>();
  for (const opening of practitioner.exceptionalOpenings) {
    const day = dayOfIsoDate(opening.date);
    extra.set(day, [...(extra.get(day) ?? []), [minutesOfTime(opening.start), minutesOfTime(opening.end)]]);
  }
  const openings = new Map<number, readonly MinuteWindow[]>();
  for (const [day, windows] of extra) openings.set(day, mergeWindows([...(weekly[isoWeekdayOfDay(day)] ?? NO_WINDOWS), ...windows]));

  const absences = practitioner.absences
    .map((absence) => ({ from: Date.parse(absence.from), to: Date.parse(absence.to), absence }))
    .filter((absence) => absence.from < absence.to)
    .sort((a, b) => a.from - b.from);
  return { weekly, openings, absences };
}

/** The practitioner's working windows on a Paris day, in minutes of that day. */
export function workingWindowsOn(schedule: PractitionerSchedule, day: number): readonly MinuteWindow[] {
  return schedule.openings.get(day) ?? schedule.weekly[isoWeekdayOfDay(day)] ?? NO_WINDOWS;
}

export function compileMotif(motif: TimedMotif): CompiledMotif {
  const { weekdays, from, to } = motif.restrictions;
  return {
    durationMs: motif.durationMinutes * 60_000,
    noticeMs: motif.minNoticeMinutes * 60_000,
    weekdays: weekdays && weekdays.length > 0 ? new Set(weekdays) : null,
    from: from ? minutesOfTime(from) : null,
    to: to ? minutesOfTime(to) : null,
  };
}

