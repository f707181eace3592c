import type { CoverageMode } from "../../../shared/domain/enums";
import type { CoverageSchedule, Greetings } from "../../../shared/domain/schedules";
import type { SeededRandom } from "./random";

/**
 * When the agency answers for a practice, and in which mode: overflow while the practice is
 * open (debordement), the phone when it is closed (hors_horaires), or round-the-clock on-call
 * (astreinte_24_7). Windows never cross midnight, so a night is two windows.
 */
type CoverageWindow = CoverageSchedule[number];

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const WEEKEND = [6, 7] as const;
const ALL_DAYS = [...WEEKDAYS, ...WEEKEND];

const windows = (days: readonly number[], start: string, end: string, mode: CoverageMode): CoverageWindow[] =>
  days.map((weekday) => ({ weekday, start, end, mode }));

const byWeekdayThenStart = (a: CoverageWindow, b: CoverageWindow) => a.weekday - b.weekday || a.start.localeCompare(b.start);

const COVERAGE_PATTERNS: ReadonlyArray<readonly [(random: SeededRandom) => CoverageSchedule, number]> = [
  // Overflow only: the agency picks up what the practice's own secretary cannot.
  [(random) => [...windows(WEEKDAYS, "08:00", "19:00", "debordement"), ...(random.chance(0.4) ? windows([6], "08:00", "12:00", "debordement") : [])], 4],
  // Full secretariat by day, then the out-of-hours line at night and at weekends.
  [
    () => [
      ...windows(WEEKDAYS, "08:00", "19:00", "debordement"),
      ...windows(WEEKDAYS, "19:00", "23:59", "hors_horaires"),
      ...windows(WEEKDAYS, "00:00", "08:00", "hors_horaires"),
      ...windows(WEEKEND, "00:00", "23:59", "hors_horaires"),
    ],
    3,
  ],
  // Lunch break and evenings only: the practice answers its own phone the rest of the time.
  [
    () => [
      ...windows(WEEKDAYS, "12:00", "14:00", "hors_horaires"),
      ...windows(WEEKDAYS, "18:30", "20:00", "hors_horaires"),
      ...windows([3], "14:00", "18:30", "debordement"),
    ],
    2,
  ],
  // On-call practices (maisons de santé in under-served areas): the agency never hangs up.
  [() => windows(ALL_DAYS, "00:00", "23:59", "astreinte_24_7"), 1],
];

export function drawCoverageSchedule(random: SeededRandom): CoverageSchedule {
  return random.weighted(COVERAGE_PATTERNS)(random).sort(byWeekdayThenStart);
}

/** What the secretary says on picking up: one line per mode the practice is covered in. */
export function greetingsFor(practiceName: string, schedule: CoverageSchedule): Greetings {
  const modes = new Set(schedule.map((window) => window.mode));
  return {
    default: `${practiceName}, bonjour, je vous écoute.`,
    ...(modes.has("debordement") && {
      debordement: `${practiceName}, bonjour. Le secrétariat vous répond, que puis-je faire pour vous ?`,
    }),
    ...(modes.has("hors_horaires") && {
      hors_horaires: `${practiceName}, bonjour. Le cabinet est actuellement fermé, vous êtes en relation avec sa permanence téléphonique. En cas d'urgence vitale, composez le 15.`,
    }),
    ...(modes.has("astreinte_24_7") && {
      astreinte_24_7: `${practiceName}, permanence de soins, bonjour. Dites-moi ce qui se passe, je vous oriente.`,
    }),
  };
}
