import { useEffect } from "react";
import type { PractitionerView } from "../../../../shared/api/views";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { dialogActions } from "../../stores/dialogStore";
import { useMessagesStore } from "../../stores/messagesStore";
import { loadMessages } from "./messageCommands";
import { MessageItem } from "./MessageItem";

interface MessagesPanelProps {
  practiceId: string;
  practitioners: PractitionerView[];
}

const TITLE = "Messages du cabinet";

/** The practice's latest messages with their status, and the way to take a new one (Alt+M). */
export function MessagesPanel({ practiceId, practitioners }: MessagesPanelProps) {
  const messages = useMessagesStore((state) => (state.practiceId === practiceId ? state.messages : null));
  const statusFailure = useMessagesStore((state) => state.statusFailure);

  // Opening a call asks for the practice's messages already; read them here only otherwise.
  useEffect(() => {
    const held = useMessagesStore.getState();
    if (held.practiceId === practiceId && (held.messages.status === "ready" || held.messages.status === "loading")) return;
    void loadMessages(practiceId);
  }, [practiceId]);

  return (
    <section className="card-block messages" aria-labelledby={FOCUS_TARGETS.messagesTitle}>
      <div className="messages__header">
        <h3 id={FOCUS_TARGETS.messagesTitle} tabIndex={-1}>
          {TITLE}
        </h3>
        <button type="button" className="button" onClick={() => dialogActions.opened("message")} aria-keyshortcuts={shortcutKeys("message")}>
          Nouveau message
        </button>
      </div>
      {statusFailure !== null && (
        <p className="notice notice--error" role="alert">
          État du message inchangé&nbsp;: {statusFailure}
        </p>
      )}
      {messages?.status === "failed" && (
        <p className="notice notice--error" role="alert">
          Messages indisponibles&nbsp;: {messages.message}
        </p>
      )}
      {(messages === null || messages.status === "loading" || messages.status === "idle") && <p className="muted">Chargement des messages…</p>}
      {messages?.status === "ready" &&
        (messages.value.length === 0 ? (
          <p className="muted">Aucun message pour ce cabinet.</p>
        ) : (
          <ul className="message-list" aria-label={TITLE}>
            {messages.value.map((message) => (
              <li key={message.id}>
                <MessageItem message={message} practitioner={practitioners.find((candidate) => candidate.id === message.practitionerId)} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
