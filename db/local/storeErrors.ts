/**
 * Why the encrypted store could not be opened. The UI turns each into a French explanation and
 * offers "reset and resync": the server holds the truth, so a fresh replica loses nothing
 * that was synced — but the store is never silently replaced.
 */
export type LocalStoreErrorCode = "wrong_key" | "missing_key" | "corrupt";

export class LocalStoreError extends Error {
  constructor(
    readonly code: LocalStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LocalStoreError";
  }
}

export const RESET_ADVICE = "Réinitialisez le poste pour le resynchroniser depuis le serveur.";

export const wrongKeyError = () =>
  new LocalStoreError(
    "wrong_key",
    `La base locale ne peut pas être déchiffrée avec la clé de ce poste. ${RESET_ADVICE}`,
  );
export const missingKeyError = () =>
  new LocalStoreError(
    "missing_key",
    `La clé de chiffrement de la base locale est introuvable. ${RESET_ADVICE}`,
  );
export const corruptStoreError = (detail: string) =>
  new LocalStoreError("corrupt", `La base locale est endommagée (${detail}). ${RESET_ADVICE}`);
