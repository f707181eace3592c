import type Database from "better-sqlite3";
import type { ChangeSubject } from "../../../shared/api/contract";
import { practitionerName } from "../../../shared/domain/practitionerName";
import { patientDisplayName } from "../../../shared/domain/patientDisplayName";

type Args = Record<string, unknown>;

/** The table of the row a change's `id` names, when that row holds the patient (an appointment, a waitlist entry, a call). */
const PATIENT_VIA: Record<string, "appointment" | "waitlist_entry" | "call" | "message" | "callback"> = {
  "callback.take": "callback",
  "callback.release": "callback",
  "callback.attempt": "callback",
  "callback.close": "callback",
  "message.answer": "message",
  "appointment.move": "appointment",
  "appointment.cancel": "appointment",
  "appointment.setStatus": "appointment",
  "waitlist.remove": "waitlist_entry",
  "waitlist.decline": "waitlist_entry",
  "call.close": "call",
};

/**
 * Who a queued or refused change concerns, read from this workstation's copy: the patient (with a number
 * to call back), the practitioner, the practice. A refused booking leaves no appointment behind, so its own
 * arguments come first; a missing row only leaves a field empty.
 */
export function createChangeSubjects(sqlite: Database.Database) {
  const patient = sqlite.prepare<[string], { usedName: string | null; birthName: string; firstName: string; phones: string; practiceId: string }>(
    "SELECT used_name AS usedName, birth_name AS birthName, first_name AS firstName, phones, practice_id AS practiceId FROM patient WHERE id = ?",
  );
  const practitioner = sqlite.prepare<[string], { title: string; firstName: string; lastName: string; practiceId: string }>(
    "SELECT title, first_name AS firstName, last_name AS lastName, practice_id AS practiceId FROM practitioner WHERE id = ?",
  );
  const practice = sqlite.prepare<[string], string>("SELECT name FROM practice WHERE id = ?").pluck();
  const rowsVia = new Map(
    ["appointment", "waitlist_entry", "call", "message", "callback"].map((table) => [
      table,
      sqlite.prepare<[string], { patientId: string | null; practitionerId: string | null; practiceId: string | null }>(
        `SELECT patient_id AS patientId, ${table === "appointment" || table === "message" ? "practitioner_id" : "NULL"} AS practitionerId, practice_id AS practiceId FROM "${table}" WHERE id = ?`,
      ),
    ]),
  );

  return function subjectOf(name: string, rawArgs: unknown): ChangeSubject {
    const args: Args = typeof rawArgs === "object" && rawArgs !== null ? (rawArgs as Args) : {};
    const via = Object.hasOwn(PATIENT_VIA, name) ? rowsVia.get(PATIENT_VIA[name]!)?.get(text(args.id) ?? "") : undefined;
    const patientId = text(args.patientId) ?? via?.patientId ?? (name.startsWith("patient.") ? text(args.id) : null);
    const practitionerId = text(args.practitionerId) ?? via?.practitionerId ?? null;

    const patientRow = patientId ? patient.get(patientId) : undefined;
    const practitionerRow = practitionerId ? practitioner.get(practitionerId) : undefined;
    const practiceId = text(args.practiceId) ?? via?.practiceId ?? patientRow?.practiceId ?? practitionerRow?.practiceId ?? null;
    return {
      patient: patientRow ? patientDisplayName(patientRow) : namedInArgs(name, args),
      phone: firstPhone(patientRow?.phones) ?? text(args.callbackNumber) ?? text(args.number) ?? (Array.isArray(args.phones) ? text(args.phones[0]) : null),
      practitioner: practitionerRow ? practitionerName(practitionerRow) : null,
      practice: practiceId ? (practice.get(practiceId) ?? null) : null,
    };
  };
}

/** A patient created offline, or a message's caller: the name is in the change itself. */
function namedInArgs(name: string, args: Args): string | null {
  if (name === "message.create" || name === "callback.create") return text(args.callerName);
  const birthName = text(args.usedName) ?? text(args.birthName);
  const firstName = text(args.firstName);
  return name === "patient.create" && birthName && firstName ? patientDisplayName({ usedName: null, birthName, firstName }) : null;
}

function firstPhone(phones: string | undefined): string | null {
  if (!phones) return null;
  try {
    const parsed: unknown = JSON.parse(phones);
    return Array.isArray(parsed) ? text(parsed[0]) : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
