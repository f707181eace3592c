import type { MethodInput } from "../../../../shared/api/contract";
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

/** A practitioner or motif removed on the server (refused while it has appointments to come). */
export const removeRecord = (request: MethodInput<"admin.records.remove">) => outcomeOf(telesec.call("admin.records.remove", request));

/** A practice, practitioner, motif or consigne created on the server. */
export const createRecord = (request: MethodInput<"admin.records.create">) => outcomeOf(telesec.call("admin.records.create", request));
