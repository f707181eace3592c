import { formatBytes, formatCount, formatDuration } from "./frenchFormat";
import type { SeededTable, SeedReport } from "./seedLocal";

const TABLE_LABELS: Record<SeededTable, string> = {
  practice: "cabinets",
  dialled_number: "numéros appelés",
  practitioner: "praticiens",
  appointment_type: "motifs",
  directive: "consignes",
  user: "utilisateurs",
  patient: "patients",
  patient_search_term: "termes de recherche patients",
  appointment: "rendez-vous",
  waitlist_entry: "liste d'attente",
  call: "appels",
  message: "messages",
};

/** What the seed wrote, table by table, and what it cost. */
export function formatSeedSummary(size: string, report: SeedReport): string {
  const width = Math.max(...Object.values(TABLE_LABELS).map((label) => label.length));
  const rows = Object.entries(TABLE_LABELS).map(
    ([table, label]) => `  ${label.padEnd(width)}  ${formatCount(report.counts[table as SeededTable]).padStart(12)}`,
  );
  return [
    `Jeu « ${size} » écrit dans ${report.databasePath} (date de référence ${report.referenceDate}) :`,
    ...rows,
    `Durée : ${formatDuration(report.elapsedMs)} · taille de la base : ${formatBytes(report.databaseBytes)}`,
  ].join("\n");
}
