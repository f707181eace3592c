import { z } from "zod";
import "../domain/frenchValidation";

/**
 * The callbacks queue's requests to the server (issue 18): the PBX's dialling and the statistics.
 * The queue itself syncs like any table (callback).
 */
export const callbackDialAnswer = z.discriminatedUnion("placed", [
  /** The PBX took the call: the secretary's phone rings first, then the patient's. */
  z.object({ placed: z.literal(true), detail: z.string() }),
  z.object({ placed: z.literal(false), reason: z.string() }),
]);
export type CallbackDialAnswer = z.infer<typeof callbackDialAnswer>;

/** A practice's callbacks created in a period, and what became of them. */
export const callbackStatsRow = z.object({
  practiceId: z.string().uuid(),
  created: z.number().int(),
  /** Closed as done by a secretary, and of them those closed by their due time. */
  done: z.number().int(),
  doneInTime: z.number().int(),
  abandoned: z.number().int(),
  /** Still to do or under way. */
  open: z.number().int(),
  /** Closed by the product, no longer owed: their message treated otherwise, their offer gone, an answer changed. */
  obsolete: z.number().int(),
  /** From creation to done, the median, in minutes; null without any done. */
  medianMinutes: z.number().nullable(),
});
export const callbackStats = z.object({ rows: z.array(callbackStatsRow) });
export type CallbackStatsRow = z.infer<typeof callbackStatsRow>;
