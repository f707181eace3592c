import { clockStartingAt, startInstant, type Clock } from "../../shared/time/clock";

/**
 * The instant the end-to-end suite starts at: the server and every workstation of a file share one
 * clock that starts there (`npm run test:e2e -- --at ISO` sets TELESEC_E2E_AT). By default a Friday at
 * 17:50 in Paris, chosen hard: few slots left today, a weekend next. The suite must also pass at
 * E2E_HARD_INSTANTS, run by hand before changing the agenda or the calendar code.
 */
export const E2E_DEFAULT_AT = "2026-12-04T17:50:00+01:00";

export const E2E_HARD_INSTANTS = {
  "vendredi 17:50": E2E_DEFAULT_AT,
  "dimanche du passage à l'heure d'été, 01:30": "2027-03-28T01:30:00+01:00",
  "31 décembre, 23:58": "2026-12-31T23:58:00+01:00",
  "lundi 08:00": "2026-12-07T08:00:00+01:00",
} as const;

export const E2E_AT_VARIABLE = "TELESEC_E2E_AT";

/** The suite's start instant, in ms; a wrong TELESEC_E2E_AT is refused in French. */
export function e2eStartInstant(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const parsed = startInstant.safeParse(env[E2E_AT_VARIABLE] ?? E2E_DEFAULT_AT);
  if (!parsed.success) throw new Error(`${E2E_AT_VARIABLE} : ${parsed.error.issues.map((issue) => issue.message.replace(/^--now : /, "")).join(" ; ")}`);
  return parsed.data;
}

/** One clock for a whole end-to-end file: its server and its workstations agree on "now". */
export function e2eClock(): Clock {
  return clockStartingAt(e2eStartInstant());
}
