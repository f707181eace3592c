/** Shown once, right after the setup: the ten single-use codes for a lost phone. */
export function RecoveryCodes({ codes, onNoted }: { codes: string[]; onNoted(): void }) {
  return (
    <main className="portal-card" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Vos codes de secours</h1>
      <p>
        Chacun remplace une fois le code de l'application, si vous perdez votre téléphone. Notez-les et gardez-les en lieu sûr : ils ne
        seront plus jamais affichés.
      </p>
      <ol className="portal-codes" aria-label="Codes de secours">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="portal-button" autoFocus onClick={onNoted}>
        J'ai noté ces codes
      </button>
    </main>
  );
}
