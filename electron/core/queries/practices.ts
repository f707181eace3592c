import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { PracticeCard, PracticeSummary, PractitionerView } from "../../../shared/api/views";
import { TelesecError } from "../../../shared/api/rpcProtocol";
import { toE164 } from "../../../shared/domain/phone";
import { dialledNumbers, practices, practitioners } from "../../../db/local/schema";
import type { LocalDb } from "../../../db/local/openLocalStore";

export function listPractices(db: LocalDb): PracticeSummary[] {
  const rows = db
    .select({ id: practices.id, name: practices.name, address: practices.address })
    .from(practices)
    .where(and(isNull(practices.deletedAt), eq(practices.active, true)))
    .orderBy(asc(practices.name))
    .all();
  const numbers = numbersByPractice(db, rows.map((row) => row.id));
  return rows.map((row) => ({ id: row.id, name: row.name, city: row.address.city, dialledNumbers: numbers.get(row.id) ?? [] }));
}

/** The screen pop's first question: which practice does this dialled number ring for? */
export function practiceByDialledNumber(db: LocalDb, number: string): PracticeCard | null {
  const e164 = toE164(number);
  if (!e164) throw new TelesecError("invalid", `Numéro appelé invalide : « ${number} ».`);
  const match = db
    .select({ practiceId: dialledNumbers.practiceId })
    .from(dialledNumbers)
    .where(and(eq(dialledNumbers.e164, e164), isNull(dialledNumbers.deletedAt)))
    .get();
  return match ? practiceCard(db, match.practiceId) : null;
}

export function practiceCard(db: LocalDb, practiceId: string): PracticeCard | null {
  const practice = db
    .select()
    .from(practices)
    .where(and(eq(practices.id, practiceId), isNull(practices.deletedAt)))
    .get();
  if (!practice) return null;
  return {
    id: practice.id,
    name: practice.name,
    kind: practice.kind,
    address: practice.address,
    dialledNumbers: numbersByPractice(db, [practice.id]).get(practice.id) ?? [],
    greetings: practice.greetings,
    coverageSchedule: practice.coverageSchedule,
    accessNotes: practice.accessNotes,
    referrals: practice.referrals,
    onCall: practice.onCall,
    practitioners: practitionersOf(db, practice.id),
  };
}

function practitionersOf(db: LocalDb, practiceId: string): PractitionerView[] {
  return db
    .select({
      id: practitioners.id,
      practiceId: practitioners.practiceId,
      title: practitioners.title,
      firstName: practitioners.firstName,
      lastName: practitioners.lastName,
      specialty: practitioners.specialty,
      acceptsNewPatients: practitioners.acceptsNewPatients,
      workingHours: practitioners.workingHours,
      absences: practitioners.absences,
      color: practitioners.color,
    })
    .from(practitioners)
    .where(and(eq(practitioners.practiceId, practiceId), isNull(practitioners.deletedAt)))
    .orderBy(asc(practitioners.lastName), asc(practitioners.firstName))
    .all();
}

function numbersByPractice(db: LocalDb, practiceIds: string[]): Map<string, string[]> {
  const byPractice = new Map<string, string[]>();
  if (practiceIds.length === 0) return byPractice;
  const rows = db
    .select({ practiceId: dialledNumbers.practiceId, e164: dialledNumbers.e164 })
    .from(dialledNumbers)
    .where(and(inArray(dialledNumbers.practiceId, practiceIds), isNull(dialledNumbers.deletedAt)))
    .orderBy(asc(dialledNumbers.e164))
    .all();
  for (const row of rows) byPractice.set(row.practiceId, [...(byPractice.get(row.practiceId) ?? []), row.e164]);
  return byPractice;
}
