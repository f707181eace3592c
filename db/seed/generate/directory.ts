import { drawDirectives } from "./directives";
import { drawMotifs } from "./motifs";
import type { IsoDate } from "./parisCalendar";
import { DistinctNumbers } from "./phoneNumbers";
import { drawPractice, type DrawnPractice } from "./practices";
import { drawPractitioners, type DrawnPractitioner } from "./practitioners";
import { randomStream } from "./random";
import { DEMO_PRACTITIONER } from "../demo";
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
  const drawnTeam = drawPractitioners(teamRandom, drawn.team, { practiceId, colorOffset: index, referenceDate, firstAbsentNow });
  // Named after the draw, so that every other draw stays as it was.
  const team = index === 0 ? drawnTeam.map((member, rank) => (rank === DEMO_PRACTITIONER.rank ? namedDemoPractitioner(member) : member)) : drawnTeam;
  const motifRandom = randomStream("motifs", index);
  return {
    ...drawn,
    index,
    staff: team.map((member) => ({ ...member, motifs: drawMotifs(motifRandom, member) })),
    directives: drawDirectives(randomStream("directives", index), { practiceId, team, referenceDate }),
  };
}

function namedDemoPractitioner(member: DrawnPractitioner): DrawnPractitioner {
  const { title, firstName, lastName, sex } = DEMO_PRACTITIONER;
  return { ...member, row: { ...member.row, title, firstName, lastName }, sex };
}
