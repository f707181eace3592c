import type { WorkstationStatus } from "../../../../shared/api/contract";

type ConfigInvalidStatus = Extract<WorkstationStatus, { state: "config_invalid" }>;

/**
 * Shown instead of everything else when the machine-wide configuration file (written by the agency's
 * IT) is wrong: the workstation opened nothing. It names the file and each wrong field, for whoever
 * fixes it; the secretary can only pass the message on. No button: fixing the file and restarting
 * Télésec is the only way on.
 */
export function ConfigInvalidScreen({ status }: { status: ConfigInvalidStatus }) {
  return (
    <main className="blocking-screen" aria-labelledby="configuration-invalide-titre">
      <div className="blocking-screen__card">
        <h1 id="configuration-invalide-titre">La configuration de ce poste est invalide</h1>
        <p role="alert">
          Télésec ne peut pas démarrer : le fichier de configuration installé par le service informatique de l'agence contient une erreur.
          Prévenez-le en lui transmettant ce message.
        </p>
        <p>
          Fichier&nbsp;: <code>{status.file}</code>
        </p>
        <ul aria-label="Erreurs du fichier de configuration">
          {status.problems.map((problem, index) => (
            <li key={index}>
              {problem.field === null ? (
                problem.message
              ) : (
                <>
                  Champ <code>{problem.field}</code>&nbsp;: {problem.message}
                </>
              )}
            </li>
          ))}
        </ul>
        <p className="muted">Une fois le fichier corrigé, fermez puis relancez Télésec.</p>
      </div>
    </main>
  );
}
