import { drawDirectives } from "./directives";
import { drawMotifs } from "./motifs";
import type { IsoDate } from "./parisCalendar";
import { DistinctNumbers } from "./phoneNumbers";
import { drawPractice, type DrawnPractice } from "./practices";
import { drawPractitioners, type DrawnPractitioner } from "./practitioners";
import { randomStream } from "./random";
import type { AppointmentTypeRow, DirectiveRow } from "./rows";

/**
 * The agency's directory: every practice with its numbers, team, motifs and directives. It is
 * small (a few thousand rows at the largest size) and the population depends on it, so it is
 * drawn whole, up front.
 */
export interface StaffedPractice extends DrawnPractice {
  index: number;
  staff: Array<DrawnPractitioner & { motifs: AppointmentTypeRow[] }>;
  directives: DirectiveRow[];
}

export function drawDirectory(practiceCount: number, referenceDate: IsoDate): StaffedPractice[] {
  const numbers = new DistinctNumbers();
  const takenNames = new Set<string>();
  return Array.from({ length: practiceCount }, (_, index) => staff(index, drawPractice(index, numbers, takenNames), referenceDate));
}

function staff(index: number, drawn: DrawnPractice, referenceDate: IsoDate): StaffedPractice {
  const practiceId = drawn.practice.id;
  const teamRandom = randomStream("team", index);
  // The demo practice always has someone away, so its temporary directive is there to show.
  const firstAbsentNow = drawn.team.length >= 2 && (index === 0 || teamRandom.chance(0.2));
  const team = drawPractitioners(teamRandom, drawn.team, { practiceId, colorOffset: index, referenceDate, firstAbsentNow });
  const motifRandom = randomStream("motifs", index);
  return {
    ...drawn,
    index,
    staff: team.map((member) => ({ ...member, motifs: drawMotifs(motifRandom, member) })),
    directives: drawDirectives(randomStream("directives", index), { practiceId, team, referenceDate }),
  };
}
