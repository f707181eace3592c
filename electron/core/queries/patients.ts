import type Database from "better-sqlite3";
import type { PatientView } from "../../../shared/api/views";
import { toE164 } from "../../../shared/domain/phone";
import { nameTerm, phoneTerm, prefixUpperBound } from "../../../shared/domain/patientSearchTerms";
import { e164ToNationalDigits, parsePatientSearch } from "../../../shared/domain/patientSearchQuery";

interface PatientRecord {
  id: string;
  practice_id: string;
  birth_name: string;
  used_name: string | null;
  first_name: string;
  birth_date: string | null;
  phones: string;
  email: string | null;
  notes: string | null;
  sms_opposition: number;
}

const PATIENT_COLUMNS = "p.id, p.practice_id, p.birth_name, p.used_name, p.first_name, p.birth_date, p.phones, p.email, p.notes, p.sms_opposition";
const DISPLAY_ORDER = "ORDER BY coalesce(p.used_name, p.birth_name), p.first_name, p.id";
/** More words than this add nothing a secretary needs and would only slow the query. */
const MAX_NAME_PREFIXES = 4;

/**
 * Patient look-ups of the call screen. Each one is a range scan of `patient_search_term` (practice
 * first, then folded prefix) or of the (practice, birth date) index: never a scan of all patients.
 */
export function createPatientQueries(sqlite: Database.Database) {
  const byTermRange = new Map<number, Database.Statement<unknown[], PatientRecord>>();
  const byBirthDate = sqlite.prepare<[string, string, number], PatientRecord>(
    `SELECT ${PATIENT_COLUMNS} FROM patient p WHERE p.practice_id = ? AND p.birth_date = ? AND p.deleted_at IS NULL ${DISPLAY_ORDER} LIMIT ?`,
  );

  /** Patients having, for every range given, at least one term in it. The first range drives the scan. */
  function statementForRanges(count: number) {
    let statement = byTermRange.get(count);
    if (!statement) {
      const others = Array.from(
        { length: count - 1 },
        () => "AND EXISTS (SELECT 1 FROM patient_search_term o WHERE o.patient_id = p.id AND o.term >= ? AND o.term < ?)",
      ).join(" ");
      statement = sqlite.prepare<unknown[], PatientRecord>(
        `SELECT ${PATIENT_COLUMNS} FROM patient p
         WHERE p.id IN (SELECT t.patient_id FROM patient_search_term t WHERE t.term >= ? AND t.term < ?)
           AND p.deleted_at IS NULL ${others}
         ${DISPLAY_ORDER} LIMIT ?`,
      );
      byTermRange.set(count, statement);
    }
    return statement;
  }

  function byPrefixes(prefixes: string[], limit: number): PatientView[] {
    // The longest prefix is the most selective: let it drive the scan.
    const ordered = [...prefixes].sort((a, b) => b.length - a.length);
    const bounds = ordered.flatMap((prefix) => [prefix, prefixUpperBound(prefix)]);
    return statementForRanges(ordered.length).all(...bounds, limit).map(toPatientView);
  }

  return {
    search(practiceId: string, text: string, limit: number): PatientView[] {
      const query = parsePatientSearch(text);
      switch (query.kind) {
        case "empty":
          return [];
        case "birthDate":
          return byBirthDate.all(practiceId, query.isoDate, limit).map(toPatientView);
        case "phone":
          return byPrefixes([phoneTerm(practiceId, query.nationalDigits)], limit);
        case "name":
          return byPrefixes(query.prefixes.slice(0, MAX_NAME_PREFIXES).map((word) => nameTerm(practiceId, word)), limit);
      }
    },

    /** Screen pop: the patients of this practice reachable at the caller's number. A withheld or odd number finds no one. */
    byCallerNumber(practiceId: string, number: string): PatientView[] {
      const e164 = toE164(number);
      if (!e164) return [];
      const term = phoneTerm(practiceId, e164ToNationalDigits(e164));
      return statementForRanges(1).all(term, `${term}\u0000`, 20).map(toPatientView);
    },
  };
}

function toPatientView(record: PatientRecord): PatientView {
  return {
    id: record.id,
    practiceId: record.practice_id,
    birthName: record.birth_name,
    usedName: record.used_name,
    firstName: record.first_name,
    birthDate: record.birth_date,
    phones: JSON.parse(record.phones) as string[],
    email: record.email,
    notes: record.notes,
    smsOpposition: record.sms_opposition === 1,
  };
}
