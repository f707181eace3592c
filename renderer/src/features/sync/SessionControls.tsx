import { useEffect, useRef, useState } from "react";
import { shortcutKeys } from "../../app/shortcuts";
import { NBSP } from "../../format/typography";
import { describeError } from "../../services/telesec";
import { lockWorkstation } from "../access/lockCommands";
import { ForgetWorkstationDialog } from "../workstation/ForgetWorkstationDialog";
import { selectKnownServerUrl, selectNeedsSignIn, selectSignedInUser } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { ScreenLinks } from "../admin/ScreenLinks";
import { useCallLineStore } from "../../stores/callLineStore";
import { FOCUS_TARGETS, focusTarget } from "../../app/focusTargets";
import { selectPendingCount } from "../../stores/syncSelectors";
import { LoginDialog } from "./LoginDialog";
import { signOut } from "./sessionCommands";
import { SignOutDialog } from "./SignOutDialog";

/**
 * Who is signed in, with a way out and the lock; or, when nobody is, the way in. And, rarely
 * needed, "Oublier ce poste" (wipes the local copy and its key, after confirmation).
 */
export function SessionControls() {
  const user = useSyncStore(selectSignedInUser);
  const needsSignIn = useSyncStore(selectNeedsSignIn);
  const knownServerUrl = useSyncStore(selectKnownServerUrl);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [signOutFailure, setSignOutFailure] = useState<string | null>(null);
  const [forgetOpen, setForgetOpen] = useState(false);
  const [signOutAsked, setSignOutAsked] = useState(false);
  // Signing out first sends what is pending (a few seconds at most when the server is slow).
  const [signingOut, setSigningOut] = useState(false);
  const callInProgress = useCallLineStore((state) => state.current !== null);
  const pending = useSyncStore(selectPendingCount);
  const forgetButton = useRef<HTMLButtonElement>(null);
  const signInButton = useRef<HTMLButtonElement>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);

  // When the dialog closes or the session ends, the button that had focus may be gone. Signed in,
  // the next keystroke belongs to the call ("Numéro appelé"), never to "Se déconnecter", where an
  // Enter would end the session; signed out, to "Se connecter".
  const signedIn = user !== null;
  useEffect(() => {
    if (!restoreFocus.current || dialogOpen) return;
    restoreFocus.current = false;
    if (signInButton.current) signInButton.current.focus();
    else if (!focusTarget(FOCUS_TARGETS.dialledNumber)) signOutButton.current?.focus();
  }, [dialogOpen, signedIn]);

  function closeDialog(): void {
    restoreFocus.current = true;
    setDialogOpen(false);
  }

  /** With a call on the line or changes unsent, asks first. */
  function askToEndSession(): void {
    if (callInProgress || pending > 0) setSignOutAsked(true);
    else void endSession();
  }

  async function endSession(): Promise<void> {
    if (signingOut) return;
    setSignOutAsked(false);
    setSignOutFailure(null);
    setSigningOut(true);
    restoreFocus.current = true;
    try {
      await signOut();
    } catch (error) {
      restoreFocus.current = false;
      setSignOutFailure(describeError(error));
    } finally {
      setSigningOut(false);
    }
  }

  return (
    <div className="session">
      {user && (
        <>
          <p className="session__user">{`Session${NBSP}: ${user.name}`}</p>
          <ScreenLinks role={user.role} />
          <button type="button" className="button" aria-keyshortcuts={shortcutKeys("lock")} onClick={() => lockWorkstation()}>
            Verrouiller
          </button>
          <button ref={signOutButton} type="button" className="button" aria-disabled={signingOut} onClick={() => !signingOut && askToEndSession()}>
            {signingOut ? "Déconnexion…" : "Se déconnecter"}
          </button>
        </>
      )}
      {/* Hidden while the dialog is open, so that only one "Se connecter" button exists at a time. */}
      {!user && needsSignIn && !dialogOpen && (
        <button ref={signInButton} type="button" className="button button--primary" onClick={() => setDialogOpen(true)}>
          Se connecter
        </button>
      )}
      {dialogOpen && <LoginDialog knownServerUrl={knownServerUrl} onClose={closeDialog} />}
      {signOutAsked && (
        <SignOutDialog
          callInProgress={callInProgress}
          pending={pending}
          onConfirm={() => void endSession()}
          onClose={() => {
            setSignOutAsked(false);
            signOutButton.current?.focus();
          }}
        />
      )}
      <button ref={forgetButton} type="button" className="button" onClick={() => setForgetOpen(true)}>
        Oublier ce poste…
      </button>
      {forgetOpen && (
        <ForgetWorkstationDialog
          onClose={() => {
            setForgetOpen(false);
            forgetButton.current?.focus();
          }}
        />
      )}
      {signOutFailure !== null && (
        <p className="session__failure" role="alert">
          Déconnexion impossible&nbsp;: {signOutFailure}
        </p>
      )}
    </div>
  );
}
