import type Database from "better-sqlite3";
import { join } from "node:path";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { createPatientQueries } from "../../electron/core/queries/patients";
import { practiceByDialledNumber } from "../../electron/core/queries/practices";
import { STORE_FILE } from "../../electron/core/workstation";
import { foldText } from "../../shared/domain/nameFolding";
import { formatMs, percentiles, timeMs } from "./stats";

/**
 * Patient search on the encrypted store, the way the call screen asks it: within one practice,
 * by folded name prefix(es), phone digits, caller number and birth date. Budget: p95 < 5 ms at
 * 400,000 patients (seed `agency`).
 */
const RUNS_PER_KIND = 1000;

interface Sample {
  practice_id: string;
  birth_name: string;
  first_name: string;
  birth_date: string | null;
  phones: string;
}

export async function runSearchBench(dataDir: string): Promise<void> {
  const key = await keyFileProvider(join(dataDir, "store.key")).readKey();
  if (!key) throw new Error(`Pas de clé dans ${dataDir} : lancez d'abord npm run seed -- --size agency --target local --data-dir ${dataDir}`);
  const store = openLocalStore({ path: join(dataDir, STORE_FILE), key });
  try {
    const patientCount = store.sqlite.prepare("SELECT count(*) FROM patient").pluck().get() as number;
    const queries = createPatientQueries(store.sqlite);
    // A deterministic spread of real patients to search for (every k-th row).
    const step = Math.max(1, Math.floor(patientCount / RUNS_PER_KIND));
    const samples = store.sqlite
      .prepare("SELECT practice_id, birth_name, first_name, birth_date, phones FROM patient WHERE rowid % ? = 0 LIMIT ?")
      .all(step, RUNS_PER_KIND) as Sample[];
    const numbers = store.sqlite.prepare("SELECT e164 FROM dialled_number").pluck().all() as string[];

    const kinds: Record<string, (sample: Sample, index: number) => unknown> = {
      "nom, 3 lettres": (s) => queries.search(s.practice_id, foldText(s.birth_name).slice(0, 3), 20),
      "nom + prénom, 2 préfixes": (s) => queries.search(s.practice_id, `${s.birth_name.slice(0, 4)} ${s.first_name.slice(0, 2)}`, 20),
      "1 lettre": (s) => queries.search(s.practice_id, s.birth_name.slice(0, 1), 20),
      "téléphone, 6 chiffres": (s) => queries.search(s.practice_id, `0${(JSON.parse(s.phones) as string[])[0]!.slice(3, 8)}`, 20),
      "numéro de l'appelant": (s) => queries.byCallerNumber(s.practice_id, (JSON.parse(s.phones) as string[])[0]!),
      "date de naissance": (s) => queries.search(s.practice_id, s.birth_date ?? "01/01/1970", 20),
      "cabinet par numéro appelé": (_s, i) => practiceByDialledNumber(store.db, numbers[i % numbers.length]!),
    };

    console.log(`recherche patients — ${patientCount.toLocaleString("fr-FR")} patients, ${samples.length} requêtes par type`);
    for (const [label, run] of Object.entries(kinds)) {
      samples.slice(0, 50).forEach((sample, i) => run(sample, i)); // warm-up: page cache and statement cache
      const durations = samples.map((sample, i) => timeMs(() => run(sample, i)));
      const { p50, p95, p99, max } = percentiles(durations);
      console.log(`  ${label.padEnd(28)} p50 ${formatMs(p50)}  p95 ${formatMs(p95)}  p99 ${formatMs(p99)}  max ${formatMs(max)}`);
    }
    compareWithPlainFts5(store.sqlite, samples);
  } finally {
    store.close();
  }
}

/**
 * The design this index replaced, measured in the same run for comparison: one FTS5 index over
 * all patients, matched on the name prefix, then filtered by practice.
 */
function compareWithPlainFts5(sqlite: Database.Database, samples: Sample[]): void {
  const building = performance.now();
  sqlite.exec(`CREATE VIRTUAL TABLE temp.patient_fts USING fts5(names, practice_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`);
  sqlite.exec(`INSERT INTO temp.patient_fts (rowid, names, practice_id)
               SELECT rowid, birth_name || ' ' || coalesce(used_name, '') || ' ' || first_name, practice_id FROM patient`);
  const built = performance.now() - building;
  const match = sqlite.prepare("SELECT rowid FROM temp.patient_fts WHERE patient_fts MATCH ? AND practice_id = ? LIMIT 20");
  const run = (s: Sample) => match.all(`"${foldText(s.birth_name).replace(/[^a-z]/g, "").slice(0, 3)}"*`, s.practice_id);
  samples.slice(0, 50).forEach(run);
  const { p50, p95, p99, max } = percentiles(samples.map((sample) => timeMs(() => run(sample))));
  console.log(`  ${"FTS5 puis filtre cabinet".padEnd(28)} p50 ${formatMs(p50)}  p95 ${formatMs(p95)}  p99 ${formatMs(p99)}  max ${formatMs(max)}  (comparaison ; index construit en ${(built / 1000).toFixed(1)} s, non conservé)`);
  sqlite.exec("DROP TABLE temp.patient_fts");
}
