import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { ModalDialog } from "../../app/ModalDialog";
import { TextField } from "../../app/TextField";
import { LOGIN_FIELDS, readLoginForm, type LoginField, type LoginFormErrors, type LoginFormValues } from "./loginForm";
import { signIn } from "./sessionCommands";
import { selectServerUrlManaged } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { SubmissionNotices } from "../../app/SubmissionNotices";

interface LoginDialogProps {
  /** The server the workstation already knows: prefilled, and then the address is optional. */
  knownServerUrl: string | null;
  onClose: () => void;
}

export const LOGIN_DIALOG_TITLE = "Connexion au serveur de l'agence";

/** Signing in to the agency server. On success the dialog closes; on failure it says why, in French. */
export function LoginDialog({ knownServerUrl, onClose }: LoginDialogProps) {
  // Set by the workstation's configuration: shown, never typed (the core would refuse another one).
  const serverUrlManaged = useSyncStore(selectServerUrlManaged);
  const [values, setValues] = useState<LoginFormValues>({ serverUrl: knownServerUrl ?? "", login: "", password: "" });
  const [errors, setErrors] = useState<LoginFormErrors>({});
  const { saving: submitting, failure, send, clearFailure } = useFormSubmission();
  const inputs = useRef<Partial<Record<LoginField, HTMLInputElement | null>>>({});

  const focusFirst = (matches: (field: LoginField) => boolean) => {
    const field = LOGIN_FIELDS.find(matches);
    if (field) inputs.current[field]?.focus();
  };

  // On open, straight to what is left to type: the identifier when the server is known.
  useEffect(() => focusFirst((field) => inputs.current[field]?.value === ""), []);

  const setField = (field: LoginField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const bindInput = (field: LoginField) => (element: HTMLInputElement | null) => {
    inputs.current[field] = element;
  };

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = readLoginForm(values, knownServerUrl, serverUrlManaged);
    if ("errors" in form) {
      clearFailure();
      setErrors(form.errors);
      focusFirst((field) => form.errors[field] !== undefined);
      return;
    }
    setErrors({});
    if (await send(() => signIn(form.request))) onClose();
  }

  return (
    <ModalDialog title={LOGIN_DIALOG_TITLE} onClose={onClose}>
      <form className="login-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={submitting}>
        <TextField
          label="Adresse du serveur"
          type="url"
          autoComplete="url"
          required={knownServerUrl === null}
          readOnly={serverUrlManaged}
          hint={serverUrlManaged ? "Fixée par la configuration de ce poste" : "Par exemple https://agence.exemple.fr"}
          value={values.serverUrl}
          onChange={setField("serverUrl")}
          error={errors.serverUrl}
          inputRef={bindInput("serverUrl")}
        />
        <TextField
          label="Identifiant"
          autoComplete="username"
          required
          value={values.login}
          onChange={setField("login")}
          error={errors.login}
          inputRef={bindInput("login")}
        />
        <TextField
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={setField("password")}
          error={errors.password}
          inputRef={bindInput("password")}
        />
        <SubmissionNotices busy={{ active: submitting, text: "Connexion en cours…" }} failure={failure} />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={submitting}>
            Se connecter
          </button>
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
