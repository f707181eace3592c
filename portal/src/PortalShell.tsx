import { useCallback, useEffect, useRef, useState } from "react";
import type { PortalSessionView } from "../../shared/api/portal";
import { AbsencesScreen } from "./AbsencesScreen";
import { ActivityScreen } from "./ActivityScreen";
import { AgendaScreen } from "./AgendaScreen";
import { ConsignesScreen } from "./ConsignesScreen";
import { JourneeScreen } from "./JourneeScreen";
import { MessagesScreen } from "./MessagesScreen";
import { PortalApiError, type PortalApi } from "./portalApi";

const SCREENS = [
  ["messages", "Messages"],
  ["agenda", "Agenda"],
  ["journee", "Journée"],
  ["activite", "Activité"],
  ["consignes", "Consignes"],
  ["absences", "Absences"],
] as const;
type Screen = (typeof SCREENS)[number][0];

/** What a screen does with a refusal: a closed session brings the sign-in back; anything else is said on the screen. */
export type Failure = (refusal: unknown) => string | null;

/** The signed-in portal: who, for which practices, its six screens, and sign-out. */
export function PortalShell({ api, session, onSignedOut }: { api: PortalApi; session: PortalSessionView; onSignedOut(notice: string | null): void }) {
  const [screen, setScreen] = useState<Screen>("messages");
  const main = useRef<HTMLElement>(null);
  const chosen = useRef(false);
  const practices = [...new Set(session.practitioners.map((practitioner) => practitioner.practiceName))];

  // Stable across renders: the screens load their data once per `failure`, not at every render.
  const signedOut = useRef(onSignedOut);
  signedOut.current = onSignedOut;
  const failure = useCallback<Failure>((refusal) => {
    if (refusal instanceof PortalApiError && refusal.code === "unauthenticated") {
      signedOut.current(refusal.message);
      return null;
    }
    return refusal instanceof PortalApiError ? refusal.message : "L'opération a échoué : réessayez.";
  }, []);

  async function logout() {
    await api.logout().catch(() => undefined);
    onSignedOut("Vous êtes déconnecté.");
  }

  function show(next: Screen) {
    chosen.current = true;
    setScreen(next);
  }

  // The next keystroke belongs to the screen just chosen: its title takes focus once it is on the page (not at sign-in,
  // where the messages screen places it itself).
  useEffect(() => {
    if (!chosen.current) return;
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [screen]);

  return (
    <>
      <header className="portal-header">
        <div>
          <strong>{session.user.name}</strong>
          <span className="portal-muted">{practices.join(" · ")}</span>
        </div>
        <button type="button" className="portal-button portal-button--quiet" onClick={() => void logout()}>
          Se déconnecter
        </button>
      </header>
      <nav className="portal-nav" aria-label="Rubriques du portail">
        {SCREENS.map(([key, label]) => (
          <button key={key} type="button" className="portal-nav__item" aria-current={screen === key ? "page" : undefined} onClick={() => show(key)}>
            {label}
          </button>
        ))}
      </nav>
      <main className="portal-main" ref={main}>
        {screen === "messages" && <MessagesScreen api={api} failure={failure} />}
        {screen === "agenda" && <AgendaScreen api={api} session={session} failure={failure} />}
        {screen === "journee" && <JourneeScreen api={api} failure={failure} />}
        {screen === "activite" && <ActivityScreen api={api} session={session} failure={failure} />}
        {screen === "consignes" && <ConsignesScreen api={api} session={session} failure={failure} />}
        {screen === "absences" && <AbsencesScreen api={api} failure={failure} />}
      </main>
    </>
  );
}
