import { agendaColor } from "./colors";
import type { DrawnPractitioner } from "./practitioners";
import type { SeededRandom } from "./random";
import type { AppointmentTypeRow } from "./rows";

/**
 * Three to five motifs per practitioner: always the everyday visit and the first visit, then a
 * few of the specialty's others, in that order (the everyday visit ranks first: it is the one whose free
 * slots the call screen shows). The first visit stays open to new patients even for a practitioner who takes
 * none now: the policy refuses them, and the motif is ready when the policy changes.
 */
export function drawMotifs(random: SeededRandom, { row: practitioner, specialty }: DrawnPractitioner): AppointmentTypeRow[] {
  const [everyday, firstVisit, ...others] = specialty.motifs;
  const extraCount = Math.min(others.length, random.int(1, 3));
  const templates = [everyday, firstVisit, ...random.sample(others, extraCount)].filter((template) => template !== undefined);
  return templates.map((template, rank) => ({
    id: random.uuid(),
    practiceId: practitioner.practiceId,
    practitionerId: practitioner.id,
    label: template.label,
    durationMinutes: template.durationMinutes,
    color: agendaColor(rank + 3),
    // What suits a first visit, whatever today's policy: the policy itself refuses new patients ("non"), and an
    // administrator who changes it to « demander au médecin » must find a motif an agreed new patient can take.
    allowedForNewPatients: template.allowedForNewPatients,
    patientInstructions: template.patientInstructions,
    minNoticeMinutes: template.minNoticeMinutes,
    restrictions: template.restrictions,
    sortOrder: rank,
  }));
}
