import { eq } from "drizzle-orm";
import type { messages} from "../../db/central/schema";
import { practitioners } from "../../db/central/schema";
import { AGREEMENT_CATEGORY } from "../../shared/domain/doctorAgreement";
import { practitionerName } from "../../shared/domain/practitionerName";
import type { CentralTx } from "../centralTransaction";
import { addCallback, closeCallbacksOf } from "./callbackRecords";

type Message = typeof messages.$inferSelect;

/**
 * The doctor answered (a request for agreement, or a message they treated with a reply): the patient
 * waits to hear it. Nothing is owed for a message with neither a patient nor a number to call.
 */
export async function callbackForDoctorAnswer(tx: CentralTx, message: Message, answer: { agreed?: boolean; text: string | null }, createdBy: string | null, now: Date): Promise<void> {
  if (!message.patientId && !message.callbackNumber) return;
  const [practitioner] = message.practitionerId ? await tx.select().from(practitioners).where(eq(practitioners.id, message.practitionerId)) : [];
  const who = practitioner ? practitionerName(practitioner) : "Le médecin";
  const said = message.category === AGREEMENT_CATEGORY && answer.agreed !== undefined ? (answer.agreed ? "accepte de voir ce nouveau patient" : "ne prend pas ce nouveau patient") : "a répondu";
  const words = answer.text ? ` : « ${answer.text} »` : "";
  // An answer changed (« oui », then « non »): the call still to make about the earlier one would tell the patient the wrong thing.
  await closeCallbacksOf(tx, [message.id], ["reponse_medecin"], now, "Plus à rappeler : le médecin a donné une autre réponse depuis.");
  await addCallback(tx, {
    practiceId: message.practiceId,
    patientId: message.patientId,
    callerName: message.callerName,
    ...(message.callbackNumber ? { number: message.callbackNumber } : {}),
    kind: "reponse_medecin",
    sourceId: message.id,
    reason: `${who} ${said}${words}. Le dire au patient${message.category === AGREEMENT_CATEGORY && answer.agreed ? " et lui proposer le rendez-vous" : ""}.`,
    createdBy,
    now,
  });
}
