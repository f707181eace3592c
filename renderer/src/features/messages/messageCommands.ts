import type { MessageView } from "../../../../shared/api/views";
import type { MessageStatus } from "../../../../shared/domain/enums";
import type { MutationInput } from "../../../../shared/sync/mutations";
import { describeError, telesec } from "../../services/telesec";
import { callLineActions } from "../../stores/callLineStore";
import { messagesActions } from "../../stores/messagesStore";

export const MESSAGES_SHOWN = 50;

/** (Re)reads the practice's latest messages. */
export async function loadMessages(practiceId: string): Promise<void> {
  messagesActions.requested(practiceId);
  try {
    messagesActions.received(practiceId, await telesec.messagesByPractice(practiceId, MESSAGES_SHOWN));
  } catch (error) {
    messagesActions.requestFailed(practiceId, describeError(error));
  }
}

/**
 * Takes a message with `message.create`: written at once on this workstation (offline too) and
 * queued for the server; linked to the call it was taken in. Throws the core's French message.
 */
export async function takeMessage(args: MutationInput<"message.create">): Promise<void> {
  await telesec.applyMutation("message.create", args);
  if (args.callId) callLineActions.messageTaken(args.callId, args.id);
  await loadMessages(args.practiceId);
}

/** Moves a message to a status (lu, traité…); a refusal is shown above the list. */
export async function changeMessageStatus(message: MessageView, status: MessageStatus): Promise<void> {
  messagesActions.statusFailed(null);
  try {
    await telesec.applyMutation("message.setStatus", { id: message.id, status });
  } catch (error) {
    messagesActions.statusFailed(describeError(error));
    return;
  }
  await loadMessages(message.practiceId);
}
