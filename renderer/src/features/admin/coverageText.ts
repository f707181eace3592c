import { COVERAGE_MODES, type CoverageMode } from "../../../../shared/domain/enums";
import type { CoverageSchedule } from "../../../../shared/domain/schedules";
import { COVERAGE_MODE_LABELS } from "../practice/practiceLabels";
import { formatWeeklyHours, parseWeeklyHours } from "./weeklyHoursText";

/**
 * A practice's coverage schedule — when the agency answers in overflow, out of hours or as 24/7
 * on-call, each with its greeting — edited as one line of weekly hours per mode, in the practitioners'
 * format ("lun 12:00-14:00 ; mar 12:00-14:00"). Two modes may not cover the same minute: the call
 * screen must know which greeting to read.
 */
export type CoverageTexts = Record<CoverageMode, string>;

export function coverageTexts(schedule: CoverageSchedule): CoverageTexts {
  return Object.fromEntries(
    COVERAGE_MODES.map((mode) => [mode, formatWeeklyHours(schedule.filter((window) => window.mode === mode).map(({ weekday, start, end }) => ({ weekday, start, end })))]),
  ) as CoverageTexts;
}

const DAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

export function coverageFromTexts(texts: CoverageTexts): { schedule: CoverageSchedule } | { error: string } {
  const schedule: CoverageSchedule = [];
  for (const mode of COVERAGE_MODES) {
    const parsed = parseWeeklyHours(texts[mode]);
    if ("error" in parsed) return { error: `${COVERAGE_MODE_LABELS[mode]} : ${parsed.error}` };
    schedule.push(...parsed.hours.map((window) => ({ ...window, mode })));
  }
  const ordered = [...schedule].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (let index = 1; index < ordered.length; index++) {
    const [before, after] = [ordered[index - 1]!, ordered[index]!];
    if (before.weekday === after.weekday && after.start < before.end) {
      return {
        error: `Le ${DAY_NAMES[after.weekday - 1]}, ${COVERAGE_MODE_LABELS[before.mode].toLowerCase()} (${before.start}-${before.end}) et ${COVERAGE_MODE_LABELS[after.mode].toLowerCase()} (${after.start}-${after.end}) se chevauchent : une seule couverture à la fois.`,
      };
    }
  }
  return { schedule: ordered };
}
