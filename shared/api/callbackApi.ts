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
