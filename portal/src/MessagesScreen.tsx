import { useCallback, useEffect, useRef, useState } from "react";
import type { PortalMessageView } from "../../shared/api/portal";
import { MessageCard } from "./MessageCard";
import { NoticeSettings } from "./NoticeSettings";
import type { PortalApi } from "./portalApi";
import type { Failure } from "./PortalShell";
import { Said } from "./Said";

/**
 * The doctor's messages: those still to treat (urgent first, then unopened), then those treated in the last
 * 30 days. Fetched again on « Actualiser » and whenever the page comes back to the front (a phone unlocked).
 * Below them, the hours of the e-mailed digest.
 */
export function MessagesScreen({ api, failure }: { api: PortalApi; failure: Failure }) {
  const [messages, setMessages] = useState<PortalMessageView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const failed = useCallback((refusal: unknown) => setError(failure(refusal)), [failure]);

  const load = useCallback(() => {
    setError(null);
    api.messages().then(setMessages, failed);
  }, [api, failed]);

  useEffect(() => {
    load();
    const onVisible = () => document.visibilityState === "visible" && load();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [load]);

  // A message treated leaves the list to treat: the focus goes to that list's heading, not to the page's top.
  const openHeading = useRef<HTMLHeadingElement>(null);
  const [treatedCount, setTreatedCount] = useState(0);
  useEffect(() => {
    if (treatedCount > 0) openHeading.current?.focus();
  }, [treatedCount]);
  const replace = (changed: PortalMessageView) => {
    setMessages((current) => current?.map((message) => (message.id === changed.id ? changed : message)) ?? null);
    if (changed.status === "traite") setTreatedCount((count) => count + 1);
  };

  const open = messages?.filter((message) => message.status !== "traite") ?? [];
  const treated = messages?.filter((message) => message.status === "traite") ?? [];

  return (
    <>
      <section aria-labelledby="messages-title">
        <div className="portal-title-row">
          <h1 id="messages-title" tabIndex={-1}>
            Messages
          </h1>
          <button type="button" className="portal-button portal-button--quiet" onClick={load}>
            Actualiser
          </button>
        </div>
        <Said error={error} />
        {messages === null ? (
          !error && <p>Chargement des messages…</p>
        ) : (
          <>
            <section aria-labelledby="open-title">
              <h2 id="open-title" ref={openHeading} tabIndex={-1}>
                À traiter ({open.length})
              </h2>
              {open.length === 0 && <p className="portal-muted">Aucun message à traiter.</p>}
              {open.map((message) => (
                <MessageCard key={message.id} api={api} message={message} onChanged={replace} onFailed={failed} />
              ))}
            </section>
            <section aria-labelledby="treated-title">
              <h2 id="treated-title">Traités depuis 30 jours ({treated.length})</h2>
              {treated.map((message) => (
                <MessageCard key={message.id} api={api} message={message} onChanged={replace} onFailed={failed} />
              ))}
            </section>
          </>
        )}
      </section>
      <NoticeSettings api={api} failure={failure} />
    </>
  );
}
