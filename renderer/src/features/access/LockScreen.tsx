import { useEffect, useRef, useState, type FormEvent } from "react";
import type { LockStatus } from "../../../../shared/api/contract";
import { selectCallsRingingWhileLocked, useHeldTelephonyStore } from "../../stores/heldTelephonyStore";
import { TextField } from "../../app/TextField";
import { describeError } from "../../services/telesec";
import { selectKnownServerUrl } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { loadSession } from "../sync/loadSyncState";
import { LoginDialog } from "../sync/LoginDialog";
import { unlockWorkstation } from "./lockCommands";
import { SubmissionNotices } from "../../app/SubmissionNotices";

export const LOCK_SCREEN_TITLE = "Poste verrouillé";

/**
 * Shown instead of the working screen while the session is locked: nothing of the call screen
 * stays in the page behind it. The password is checked by the core (offline too); after too many
 * mistakes, by the server. Another secretary may sign in with her own account instead.
 */
export function LockScreen({ status }: { status: LockStatus }) {
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [loginOpen, setLoginOpen] = useState(false);
  const knownServerUrl = useSyncStore(selectKnownServerUrl);
  const passwordInput = useRef<HTMLInputElement>(null);
  const otherAccountButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    passwordInput.current?.focus();
    // The server's address for the sign-in dialog, when the session was not loaded before the lock.
    let active = true;
    if (useSyncStore.getState().session.status !== "ready") void loadSession(() => active);
    return () => {
      active = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    setFailure(null);
    if (password === "") {
      setMissing("Saisissez votre mot de passe.");
      passwordInput.current?.focus();
      return;
    }
    setMissing(undefined);
    setSubmitting(true);
    try {
      await unlockWorkstation(password);
    } catch (error) {
      setFailure(describeError(error));
      setPassword("");
      setSubmitting(false);
      passwordInput.current?.focus();
    }
  }

  function closeLogin(): void {
    setLoginOpen(false);
    otherAccountButton.current?.focus();
  }

  const name = status.userName ?? "la secrétaire connectée";
  const ringing = useHeldTelephonyStore(selectCallsRingingWhileLocked);
  return (
    <main className="blocking-screen" aria-labelledby="poste-verrouille-titre">
      <div className="blocking-screen__card">
        <h1 id="poste-verrouille-titre">{LOCK_SCREEN_TITLE}</h1>
        <p>
          Session de <strong>{name}</strong>. Les appels et les messages continuent d'arriver&nbsp;; saisissez votre mot
          de passe pour reprendre le travail.
        </p>
        {/* That a call rings, and how many: nothing of who calls, for whom, while the screen is locked. */}
        <p className="notice notice--warning lock-ringing" role="status">
          {ringing === 0 ? "" : ringing === 1 ? "Un appel sonne : déverrouillez le poste pour le prendre." : `${ringing} appels sonnent : déverrouillez le poste pour les prendre.`}
        </p>
        {status.serverCheckRequired && (
          <p className="notice notice--warning">
            Le serveur de l'agence doit confirmer votre mot de passe&nbsp;: le poste doit être connecté au réseau.
          </p>
        )}
        <form className="login-form" aria-label="Déverrouiller le poste" onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
          <TextField
            label="Mot de passe"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
            error={missing}
            inputRef={passwordInput}
          />
          <SubmissionNotices busy={{ active: submitting, text: "Vérification…" }} failure={failure} />
          <div className="button-row">
            <button type="submit" className="button button--primary" aria-disabled={submitting}>
              Déverrouiller
            </button>
          </div>
        </form>
        <button ref={otherAccountButton} type="button" className="button" onClick={() => setLoginOpen(true)}>
          Se connecter avec un identifiant
        </button>
        {loginOpen && <LoginDialog knownServerUrl={knownServerUrl} onClose={closeLogin} />}
      </div>
    </main>
  );
}
