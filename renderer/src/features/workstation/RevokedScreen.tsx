import { useEffect, useRef, useState } from "react";
import type { WorkstationStatus } from "../../../../shared/api/contract";
import { selectKnownServerUrl } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { loadSession } from "../sync/loadSyncState";
import { LoginDialog } from "../sync/LoginDialog";

type RevokedStatus = Extract<WorkstationStatus, { state: "revoked" }>;

export const REVOKED_TITLE = "Ce poste a été révoqué par l'administrateur";

/**
 * Shown when the server refused this workstation (`device_revoked`): the core has already wiped
 * the local copy. A new sign-in (a new device for the server) is the only way back.
 */
export function RevokedScreen({ status }: { status: RevokedStatus }) {
  const [loginOpen, setLoginOpen] = useState(false);
  const knownServerUrl = useSyncStore(selectKnownServerUrl);
  const signInButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let active = true;
    void loadSession(() => active);
    return () => {
      active = false;
    };
  }, []);

  function closeLogin(): void {
    setLoginOpen(false);
    signInButton.current?.focus();
  }

  return (
    <main className="blocking-screen" aria-labelledby="poste-revoque-titre">
      <div className="blocking-screen__card">
        <h1 id="poste-revoque-titre">{REVOKED_TITLE}</h1>
        <p role="alert">{status.message}</p>
        <p className="muted">Si ce n'était pas prévu, prévenez l'administrateur de l'agence avant de vous reconnecter.</p>
        <button ref={signInButton} type="button" className="button button--primary" onClick={() => setLoginOpen(true)}>
          Se reconnecter
        </button>
        {loginOpen && <LoginDialog knownServerUrl={knownServerUrl} onClose={closeLogin} />}
      </div>
    </main>
  );
}
