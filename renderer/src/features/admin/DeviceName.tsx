import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import type { AdminDeviceView } from "../../../../shared/api/admin";
import { renameDeviceRequest } from "../../../../shared/api/admin";
import { NBSP } from "../../format/typography";
import { telesec } from "../../services/telesec";

/**
 * A workstation's name, and a way to change it (« Accueil 2 — Lyon » rather than the machine's « vm »):
 * « Renommer » opens the field in place, focused; Enter saves, Échap or « Annuler » gives up.
 */
export function DeviceName({ device, onRenamed }: { device: AdminDeviceView; onRenamed: () => Promise<void> }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(device.name);
  const { failure, send, refuse, clearFailure } = useFormSubmission();
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  // Closed by the secretary (saved or given up): once the field is gone, back to the button that opened it.
  const backToButton = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (backToButton.current) {
      backToButton.current = false;
      renameButton.current?.focus();
    }
  }, [editing]);

  function close(): void {
    backToButton.current = true;
    setEditing(false);
  }

  function stop(): void {
    close();
    setName(device.name);
    clearFailure();
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = renameDeviceRequest.safeParse({ name });
    if (!parsed.success) {
      refuse(parsed.error.issues[0]?.message ?? "Nom du poste invalide");
      return;
    }
    if (!(await send(() => telesec.call("admin.devices.rename", { id: device.id, name: parsed.data.name })))) return;
    close();
    await onRenamed();
  }

  if (!editing) {
    return (
      <>
        {device.name}{" "}
        <button ref={renameButton} type="button" className="button button--small" aria-label={`Renommer ${device.name}`} onClick={() => setEditing(true)}>
          Renommer
        </button>
      </>
    );
  }
  return (
    <form className="admin-form admin-form--inline" aria-label={`Nouveau nom de ${device.name}`} onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === "Escape" && stop()} noValidate>
      <label className="visually-hidden" htmlFor={`poste-${device.id}`}>
        Nom du poste
      </label>
      <input id={`poste-${device.id}`} ref={field} value={name} onChange={(event) => setName(event.target.value)} maxLength={200} aria-invalid={failure ? true : undefined} />
      <button type="submit" className="button button--small">
        Enregistrer
      </button>
      <button type="button" className="button button--small" onClick={stop}>
        Annuler
      </button>
      {failure && <p className="field-error" role="alert">{`Nom non enregistré${NBSP}: ${failure}`}</p>}
    </form>
  );
}
