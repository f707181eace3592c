import { randomUUID } from "node:crypto";

/** A message for the doctor, as crash and offline tests queue them: each with its own id and text. */
export function queuedMessage(practiceId: string, index: number, label = "Message") {
  return {
    id: randomUUID(),
    practiceId,
    practitionerId: null,
    patientId: null,
    callId: null,
    callerName: `Appelant ${index}`,
    callbackNumber: null,
    category: "rappel" as const,
    urgency: "normale" as const,
    text: `${label} ${index} ${randomUUID().slice(0, 8)}`,
  };
}
