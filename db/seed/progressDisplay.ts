import type { SeedBatch } from "./generate/rows";
import { formatCount } from "./frenchFormat";
import { startStopwatch } from "../../shared/time/clock";

/** How often a terminal line is redrawn: often enough to look alive, rarely enough to cost nothing. */
const REDRAW_MS = 100;

/**
 * "Patients : 120 000 / 400 000 (30 %) · rendez-vous : 312 405" on stderr: redrawn in place on
 * a terminal, one line per tenth of the way in a log (CI, redirected output), where redraws
 * would be noise. Patients are the measure because their total is known in advance.
 */
export function createProgressDisplay(stream: NodeJS.WriteStream, plannedPatients: number) {
  let patients = 0;
  let appointments = 0;
  const elapsed = startStopwatch();
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let lastLogged = "";

  const line = () => {
    const percent = plannedPatients === 0 ? 100 : Math.floor((patients * 100) / plannedPatients);
    return `Patients : ${formatCount(patients)} / ${formatCount(plannedPatients)} (${percent} %) · rendez-vous : ${formatCount(appointments)}`;
  };

  return {
    onBatch(batch: SeedBatch): void {
      if (batch.table === "patient") patients += batch.rows.length;
      if (batch.table === "appointment") appointments += batch.rows.length;
      if (stream.isTTY) {
        const now = elapsed();
        if (now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        stream.write(`\r\x1b[2K${line()}`);
        return;
      }
      const tenth = plannedPatients === 0 ? 10 : Math.floor((patients * 10) / plannedPatients);
      if (tenth > lastTenth && batch.table === "patient") {
        lastTenth = tenth;
        lastLogged = line();
        stream.write(`${lastLogged}\n`);
      }
    },
    finish(): void {
      if (stream.isTTY) stream.write(`\r\x1b[2K${line()}\n`);
      else if (line() !== lastLogged) stream.write(`${line()}\n`);
    },
  };
}
