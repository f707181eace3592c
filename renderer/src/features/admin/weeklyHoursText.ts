import type { WeeklyHours } from "../../../../shared/domain/schedules";

/**
 * Weekly hours as a secretary-readable line, "lun 08:00-12:00 14:00-19:00 ; mar 08:00-12:00", and
 * back: one text field edits a practitioner's whole week, breaks being the gaps between windows.
 */
const DAYS = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"] as const;
const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
const WINDOW = new RegExp(`^${TIME}-${TIME}$`);

export function formatWeeklyHours(hours: WeeklyHours): string {
  return DAYS.flatMap((day, index) => {
    const windows = hours.filter((window) => window.weekday === index + 1).sort((a, b) => a.start.localeCompare(b.start));
    return windows.length === 0 ? [] : [`${day} ${windows.map((window) => `${window.start}-${window.end}`).join(" ")}`];
  }).join(" ; ");
}

export function parseWeeklyHours(text: string): { hours: WeeklyHours } | { error: string } {
  const hours: WeeklyHours = [];
  const seen = new Set<number>();
  for (const part of text.split(";").map((chunk) => chunk.trim()).filter((chunk) => chunk !== "")) {
    const [dayWord, ...windows] = part.split(/\s+/);
    const weekday = DAYS.indexOf((dayWord ?? "").toLowerCase().replace(/\.$/, "").slice(0, 3) as (typeof DAYS)[number]) + 1;
    if (weekday === 0) return { error: `Jour inconnu « ${dayWord} » : lun, mar, mer, jeu, ven, sam ou dim.` };
    if (seen.has(weekday)) return { error: `« ${dayWord} » est donné deux fois : mettez toutes ses plages après un seul jour.` };
    seen.add(weekday);
    if (windows.length === 0) return { error: `Aucune plage pour « ${dayWord} » (par exemple 08:00-12:00).` };
    const day: WeeklyHours = [];
    for (const window of windows) {
      const match = WINDOW.exec(window);
      if (!match) return { error: `Plage illisible « ${window} » : écrivez-la 08:00-12:00.` };
      const [start, end] = window.split("-") as [string, string];
      if (start >= end) return { error: `La plage « ${window} » doit finir après son début.` };
      day.push({ weekday, start, end });
    }
    day.sort((a, b) => a.start.localeCompare(b.start));
    for (let index = 1; index < day.length; index++) {
      if (day[index]!.start < day[index - 1]!.end) return { error: `Les plages de « ${dayWord} » se chevauchent.` };
    }
    hours.push(...day);
  }
  return { hours };
}
