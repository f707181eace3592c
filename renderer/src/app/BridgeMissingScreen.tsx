import { BRIDGE_MISSING_MESSAGE } from "../services/telesec";

/** Shown when the page runs without its local engine: outside the app, or the preload failed. */
export function BridgeMissingScreen() {
  return (
    <main className="blocking-screen" aria-labelledby="moteur-absent-titre">
      <div className="blocking-screen__card">
        <h1 id="moteur-absent-titre">Télésec ne peut pas démarrer</h1>
        <p role="alert">{BRIDGE_MISSING_MESSAGE}</p>
        <p>Fermez puis relancez l'application. Si le problème persiste, prévenez le support informatique de l'agence.</p>
      </div>
    </main>
  );
}
