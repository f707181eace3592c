/** A fresh row id: new rows get their id on the workstation, so a retried change can never create twice. */
export function newId(): string {
  return crypto.randomUUID();
}
