import type { CoveredAppointment } from "../../../../shared/api/admin";
import type { MethodInput } from "../../../../shared/api/contract";
import type { Absence } from "../../../../shared/domain/schedules";
import { describeError, telesec } from "../../services/telesec";

export type RecordOutcome = { ok: true } | { ok: false; message: string };

/** What a request to the server came to: done, or its refusal in French. */
export async function outcomeOf(request: Promise<unknown>): Promise<RecordOutcome> {
  try {
    await request;
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

/** A practice, practitioner, motif or consigne changed on the server. */
export const updateRecord = (request: MethodInput<"admin.records.update">) => outcomeOf(telesec.call("admin.records.update", request));

/** A practitioner's absences saved on the server, with the booked appointments a new one covers. */
export async function updatePractitionerAbsences(id: string, absences: Absence[]): Promise<{ ok: true; covered: CoveredAppointment[] } | { ok: false; message: string }> {
  try {
    const answer = await telesec.call("admin.records.update", { kind: "practitioner", id, change: { absences } });
    return { ok: true, covered: answer.covered ?? [] };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

/** A practitioner or motif removed on the server (refused while it has appointments to come). */
export const removeRecord = (request: MethodInput<"admin.records.remove">) => outcomeOf(telesec.call("admin.records.remove", request));

/** A practice, practitioner, motif or consigne created on the server. */
export const createRecord = (request: MethodInput<"admin.records.create">) => outcomeOf(telesec.call("admin.records.create", request));
