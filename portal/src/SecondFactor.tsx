import { useRef, useState, type FormEvent } from "react";
import type { PortalLoginResponse, SecondFactorResponse } from "../../shared/api/portal";
import { PortalApiError, type PortalApi } from "./portalApi";

type TotpSetup = Extract<PortalLoginResponse, { step: "setup" }>["setup"];

/** The secret in groups of four, easier to type than 32 letters in a row. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * The second step: the six digits of the authenticator app, or a recovery code. The first time, the secret
 * to scan comes first (QR code, and as text for an app that cannot scan).
 */
export function SecondFactor({
  api,
  setup,
  onSignedIn,
  onRestart,
}: {
  api: PortalApi;
  setup: TotpSetup | null;
  onSignedIn(answer: SecondFactorResponse): void;
  onRestart(notice: string | null): void;
}) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.secondFactor(code));
    } catch (refusal) {
      // The password step is over (five minutes, or the session ended): start again from it.
      if (refusal instanceof PortalApiError && refusal.code === "unauthenticated") return onRestart(refusal.message);
      setError(refusal instanceof PortalApiError ? refusal.message : "La vérification a échoué : réessayez.");
      setCode("");
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="portal-card" aria-labelledby="code-title">
      <h1 id="code-title">{setup ? "Activer la double authentification" : "Code de vérification"}</h1>
      {setup && (
        <section aria-label="Secret à enregistrer">
          <p>Scannez ce QR code avec votre application d'authentification (Google Authenticator, Microsoft Authenticator, FreeOTP…).</p>
          <img className="portal-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`} alt="QR code du secret à scanner avec l'application d'authentification" />
          <p>
            Ou saisissez ce secret dans l'application : <code className="portal-secret">{grouped(setup.secret)}</code>
          </p>
        </section>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label="Vérification">
        <label htmlFor="portal-code">Code à 6 chiffres de l'application, ou code de secours</label>
        <input
          id="portal-code"
          ref={field}
          name="one-time-code"
          autoComplete="one-time-code"
          inputMode="text"
          autoFocus
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        {error && (
          <p className="portal-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="portal-button" disabled={busy}>
          {busy ? "Vérification…" : "Valider"}
        </button>
      </form>
    </main>
  );
}
