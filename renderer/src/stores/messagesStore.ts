import { create } from "zustand";
import type { MessageView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The messages of the practice on screen, newest first, and whether the last status change failed. */
export interface MessagesState {
  practiceId: string | null;
  messages: Loadable<MessageView[]>;
  statusFailure: string | null;
}

export const initialMessagesState: MessagesState = { practiceId: null, messages: idle, statusFailure: null };

export const useMessagesStore = create<MessagesState>()(() => initialMessagesState);

/** Answers for a practice no longer on screen are dropped. */
function forPractice(practiceId: string, change: Partial<MessagesState>): void {
  useMessagesStore.setState((state) => (state.practiceId === practiceId ? change : state));
}

export const messagesActions = {
  /** A refresh of the same practice keeps the list on screen rather than blinking to "loading". */
  requested: (practiceId: string) =>
    useMessagesStore.setState((state) =>
      state.practiceId === practiceId && state.messages.status === "ready" ? state : { practiceId, messages: loading, statusFailure: null },
    ),
  received: (practiceId: string, messages: MessageView[]) => forPractice(practiceId, { messages: ready(messages) }),
  requestFailed: (practiceId: string, message: string) => forPractice(practiceId, { messages: failed(message) }),
  statusFailed: (message: string | null) => useMessagesStore.setState({ statusFailure: message }),
};
