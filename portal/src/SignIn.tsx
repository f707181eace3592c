import { useRef, useState, type FormEvent } from "react";
import type { PortalLoginResponse } from "../../shared/api/portal";
import { PortalApiError, type PortalApi } from "./portalApi";

/** The first step: the account's login and password. A refusal is said, and the password field takes the focus again. */
export function SignIn({ api, notice, onPassword }: { api: PortalApi; notice: string | null; onPassword(answer: PortalLoginResponse): void }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onPassword(await api.login(login, password));
    } catch (refusal) {
      setError(refusal instanceof PortalApiError ? refusal.message : "La connexion a échoué : réessayez.");
      setPassword("");
      passwordField.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="portal-card" aria-labelledby="signin-title">
      <h1 id="signin-title">Portail des praticiens</h1>
      {notice && (
        <p className="portal-notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-label="Connexion">
        <label htmlFor="portal-login">Identifiant</label>
        <input id="portal-login" name="username" autoComplete="username" autoFocus required value={login} onChange={(event) => setLogin(event.target.value)} />
        <label htmlFor="portal-password">Mot de passe</label>
        <input
          id="portal-password"
          ref={passwordField}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {error && (
          <p className="portal-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="portal-button" disabled={busy}>
          {busy ? "Connexion…" : "Continuer"}
        </button>
      </form>
    </main>
  );
}
