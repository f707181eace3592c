import { loadWorkstationStatus } from "../features/workstation/loadWorkstationStatus";

/** The local engine did not answer the status question: say so and let the secretary retry. */
export function StatusUnavailableScreen({ message }: { message: string }) {
  return (
    <main className="blocking-screen" aria-labelledby="moteur-muet-titre">
      <div className="blocking-screen__card">
        <h1 id="moteur-muet-titre">Le moteur local ne répond pas</h1>
        <p role="alert">{message}</p>
        <button type="button" className="button button--primary" onClick={() => void loadWorkstationStatus()}>
          Réessayer
        </button>
      </div>
    </main>
  );
}
