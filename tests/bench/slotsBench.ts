import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLocalStore } from "../../db/local/openLocalStore";
import { appointments, appointmentTypes, patients, practices, practitioners } from "../../db/local/schema";
import { drawAbsences } from "../../db/seed/generate/absences";
import { addDays, isoWeekday, minutesOfDay, parisInstant } from "../../db/seed/generate/parisCalendar";
import { randomStream, type SeededRandom } from "../../db/seed/generate/random";
import { drawWorkingHours } from "../../db/seed/generate/workingHours";
import { freeSlots } from "../../electron/core/queries/freeSlots";
import { compileSchedule } from "../../shared/domain/agendaSchedule";
import { findFreeSlots, nextFreeSlot, type BusyInterval, type SlotCandidate } from "../../shared/domain/freeSlots";
import type { Absence, WeeklyHours } from "../../shared/domain/schedules";
import { formatMs, percentiles, timeMs } from "./stats";

/**
 * The slot engine on a dense agenda: ten practitioners, six months ahead, nine free quarter-hours
 * in ten booked (the rest left as lone 15-minute gaps, too short for the 20-minute everyday motif
 * unless two meet). Budget: the next free slot of all ten in ≤ 5 ms (docs/performance.md).
 * Measured three ways: the pure engine, the same with no free slot at all (the whole horizon
 * walked), and the core's query end to end on an encrypted store holding that agenda.
 * Deterministic: a fixed reference date (the horizon crosses the March DST change) and seeded streams.
 */
const PRACTITIONERS = 10;
const HORIZON_DAYS = 183;
const BOOKING_RATE = 0.9;
const REFERENCE_DATE = "2027-01-04";
const ENGINE_RUNS = 2000;
const QUERY_RUNS = 300;
const DAY_MS = 86_400_000;
const GAP_MINUTES = 15;
const DURATIONS = [15, 20, 20, 20, 30, 45] as const;

interface BenchPractitioner {
  id: string;
  workingHours: WeeklyHours;
  absences: Absence[];
  busy: BusyInterval[];
}

export async function runSlotsBench(): Promise<void> {
  const team = Array.from({ length: PRACTITIONERS }, (_, index) => drawPractitioner(randomStream("slots-bench", index), BOOKING_RATE));
  const full = Array.from({ length: PRACTITIONERS }, (_, index) => drawPractitioner(randomStream("slots-bench", index), 1));
  const motif = { durationMinutes: 20, minNoticeMinutes: 0, restrictions: {} };
  const candidates = (members: BenchPractitioner[]): SlotCandidate[] =>
    members.map((member) => ({ practitionerId: member.id, appointmentTypeId: `${member.id}-consultation`, schedule: compileSchedule({ ...member, exceptionalOpenings: [] }), motif, busy: member.busy }));
  const dense = candidates(team);
  const booked = team.reduce((sum, member) => sum + member.busy.length, 0);

  // Searches start anywhere in the first month, at any minute of the day.
  const starts = randomStream("slots-bench", "starts");
  const origin = parisInstant(REFERENCE_DATE, 0).getTime();
  const froms = Array.from({ length: ENGINE_RUNS }, () => origin + starts.int(0, 30 * 24 * 60) * 60_000);
  const search = (from: number) => ({ from, until: origin + HORIZON_DAYS * DAY_MS, now: from });

  console.log(`créneaux — ${PRACTITIONERS} praticiens, horizon ${HORIZON_DAYS} jours, agenda rempli à ${BOOKING_RATE * 100} % (${booked.toLocaleString("fr-FR")} rendez-vous), motif de 20 min`);
  const report = (label: string, durations: number[], extra = "") => {
    const { p50, p95, p99, max } = percentiles(durations);
    console.log(`  ${label} — p50 ${formatMs(p50)}`);
    console.log(`  ${label} — p95 ${formatMs(p95)}${extra}`);
    console.log(`  ${label} — p99 ${formatMs(p99)}, max ${formatMs(max)}`);
  };

  froms.slice(0, 100).forEach((from) => nextFreeSlot(dense, search(from))); // warm-up: JIT and the per-day offset cache
  const distances: number[] = [];
  report(
    "prochain créneau libre, 10 praticiens (moteur)",
    froms.map((from) =>
      timeMs(() => {
        const slot = nextFreeSlot(dense, search(from));
        if (slot) distances.push((slot.startAt - from) / 3_600_000);
      }),
    ),
    "  (budget 5 ms)",
  );
  const found = percentiles(distances);
  console.log(`  distance au prochain créneau libre — médiane ${found.p50.toFixed(1)} h, p95 ${found.p95.toFixed(1)} h (${distances.length} / ${froms.length} trouvés)`);
  report("10 prochains créneaux, 10 praticiens (moteur)", froms.map((from) => timeMs(() => findFreeSlots(dense, { ...search(from), limit: 10 }))));

  const none = candidates(full);
  const noneFroms = froms.slice(0, 300);
  noneFroms.slice(0, 20).forEach((from) => nextFreeSlot(none, search(from)));
  report("aucun créneau sur 6 mois, 10 praticiens (pire cas, moteur)", noneFroms.map((from) => timeMs(() => nextFreeSlot(none, search(from)))));

  const queryFroms = froms.slice(0, QUERY_RUNS);
  withStore(team, (ask) => {
    queryFroms.slice(0, 30).forEach((from) => ask(from, 1));
    report("prochain créneau libre, 10 praticiens (requête du poste, magasin chiffré)", queryFroms.map((from) => timeMs(() => ask(from, 1))));
    report("6 prochains créneaux, 2 par praticien (écran d'appel, magasin chiffré)", queryFroms.map((from) => timeMs(() => ask(from, 6, 2))));
  });
  withStore(full, (ask) => {
    queryFroms.slice(0, 10).forEach((from) => ask(from, 1));
    report("aucun créneau sur 6 mois (pire cas, requête du poste, magasin chiffré)", queryFroms.slice(0, 100).map((from) => timeMs(() => ask(from, 1))));
  });
}

/** One practitioner's hours (the seed's own generator), absences, and an agenda booked at `rate`. */
function drawPractitioner(random: SeededRandom, rate: number): BenchPractitioner {
  const id = random.uuid();
  const workingHours = drawWorkingHours(random);
  const absences = drawAbsences(random, REFERENCE_DATE, false);
  const away = absences.map((absence) => [Date.parse(absence.from), Date.parse(absence.to)] as const);
  const busy: BusyInterval[] = [];
  for (let offset = 0; offset < HORIZON_DAYS; offset++) {
    const date = addDays(REFERENCE_DATE, offset);
    for (const window of workingHours) {
      if (window.weekday !== isoWeekday(date)) continue;
      const [start, end] = [minutesOfDay(window.start), minutesOfDay(window.end)];
      const [from, to] = [parisInstant(date, start).getTime(), parisInstant(date, end).getTime()];
      if (away.some(([absentFrom, absentTo]) => absentFrom < to && from < absentTo)) continue;
      for (let cursor = start; cursor < end; ) {
        if (random.chance(rate)) {
          // Booked end to end; the window's last appointment is cut to fit (a full agenda has no gap at all).
          const length = Math.min(random.pick(DURATIONS), end - cursor);
          busy.push([parisInstant(date, cursor).getTime(), parisInstant(date, cursor + length).getTime()]);
          cursor += length;
        } else {
          cursor += GAP_MINUTES;
        }
      }
    }
  }
  return { id, workingHours, absences, busy };
}

/** The core's query, as the call screen calls it, on an encrypted store holding the same agenda. */
function withStore(team: BenchPractitioner[], measure: (ask: (from: number, limit: number, perPractitioner?: number) => unknown) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "telesec-slots-bench-"));
  const store = openLocalStore({ path: join(dir, "telesec.db"), key: randomBytes(32) });
  try {
    const random = randomStream("slots-bench", "store");
    const practiceId = random.uuid();
    const patientId = random.uuid();
    const created = new Date(parisInstant(REFERENCE_DATE, 0));
    store.sqlite.transaction(() => {
      store.db
        .insert(practices)
        .values({ id: practiceId, name: "Cabinet du banc", kind: "cabinet", address: { street: "1 rue du Banc", postalCode: "75001", city: "Paris" }, greetings: { default: "Bonjour." }, coverageSchedule: [], referrals: [] })
        .run();
      store.db.insert(patients).values({ id: patientId, practiceId, birthName: "Banc", firstName: "Léa", phones: [], createdAt: created, updatedAt: created }).run();
      for (const member of team) {
        store.db
          .insert(practitioners)
          .values({ id: member.id, practiceId, title: "Dr", firstName: "Claire", lastName: member.id, specialty: "Médecine générale", acceptsNewPatients: "oui", workingHours: member.workingHours, exceptionalOpenings: [], absences: member.absences, color: "#2a6f97" })
          .run();
        const motifId = random.uuid();
        store.db.insert(appointmentTypes).values({ id: motifId, practiceId, practitionerId: member.id, label: "Consultation", durationMinutes: 20, color: "#4c956c", allowedForNewPatients: true, restrictions: {} }).run();
        for (const [start, end] of member.busy) {
          store.db
            .insert(appointments)
            .values({ id: random.uuid(), practiceId, practitionerId: member.id, patientId, appointmentTypeId: motifId, startAt: new Date(start), endAt: new Date(end), status: "booked", channel: "telephone", createdAt: created })
            .run();
        }
      }
    })();
    measure((from, limit, perPractitioner) =>
      freeSlots(store, { practiceId, from: new Date(from).toISOString(), limit, ...(perPractitioner ? { perPractitioner } : {}) }, new Date(from)),
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
