import type { MethodInput } from "../../../../shared/api/contract";
import { describeError, telesec } from "../../services/telesec";

export type RecordOutcome = { ok: true } | { ok: false; message: string };

/** A practice, practitioner, motif or consigne changed on the server; its refusal in French. */
export async function updateRecord(request: MethodInput<"admin.records.update">): Promise<RecordOutcome> {
  try {
    await telesec.call("admin.records.update", request);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

export async function createRecord(request: MethodInput<"admin.records.create">): Promise<RecordOutcome> {
  try {
    await telesec.call("admin.records.create", request);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}
