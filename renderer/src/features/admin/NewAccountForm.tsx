import { useState, type FormEvent } from "react";
import type { AdminPracticeSummary, AdminPractitionerSummary } from "../../../../shared/api/admin";
import { USER_ROLES, type UserRole } from "../../../../shared/domain/enums";
import { EnumOptions } from "../../app/EnumOptions";
import { FormButtons } from "../../app/FormButtons";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { TextField } from "../../app/TextField";
import { useFormSubmission } from "../../app/useFormSubmission";
import { NBSP } from "../../format/typography";
import { telesec } from "../../services/telesec";
import { PractitionerLinks } from "./PractitionerLinks";
import { ROLE_LABELS } from "./roleScreens";

interface NewAccount {
  login: string;
  displayName: string;
  role: UserRole;
  practiceIds: string[];
  practitionerIds: string[];
  extension: string;
  email: string;
  password: string;
}

const EMPTY: NewAccount = { login: "", displayName: "", role: "secretary", practiceIds: [], practitionerIds: [], extension: "", email: "", password: "" };
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

/**
 * A new account: a secretary's, supervisor's or administrator's serves practices from a workstation; a
 * doctor's (« Praticien ») speaks for practitioners on the portal, serves their practices, and may be given
 * the address its notices go to.
 */
export function NewAccountForm({ practices, practitioners, onCreated }: { practices: AdminPracticeSummary[]; practitioners: AdminPractitionerSummary[]; onCreated: () => Promise<void> }) {
  const [values, setValues] = useState<NewAccount>(EMPTY);
  const { saving, failure, send } = useFormSubmission();
  const set = <K extends keyof NewAccount>(key: K) => (value: NewAccount[K]) => setValues((current) => ({ ...current, [key]: value }));
  const doctor = values.role === "practitioner";

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const { login, displayName, role, password } = values;
    const created = await send(() =>
      telesec.call(
        "admin.users.create",
        doctor
          ? { login, displayName, role, password, practiceIds: [], practitionerIds: values.practitionerIds, email: orNull(values.email) }
          : { login, displayName, role, password, practiceIds: values.practiceIds, extension: orNull(values.extension) },
      ),
    );
    if (!created) return;
    setValues(EMPTY);
    await onCreated();
  }

  return (
    <form className="admin-form" aria-label="Nouveau compte" onSubmit={(event) => void submit(event)} noValidate>
      <h4>Nouveau compte</h4>
      <TextField label="Identifiant" value={values.login} onChange={set("login")} autoComplete="off" required />
      <TextField label="Nom affiché" value={values.displayName} onChange={set("displayName")} required />
      <div className="field">
        <label htmlFor="nouveau-compte-role">Rôle</label>
        <select id="nouveau-compte-role" value={values.role} onChange={(event) => set("role")(event.target.value as UserRole)}>
          <EnumOptions values={USER_ROLES} labels={ROLE_LABELS} />
        </select>
      </div>
      {doctor ? (
        <>
          <PractitionerLinks legend="Praticiens liés" practitioners={practitioners} chosen={values.practitionerIds} onChange={set("practitionerIds")} />
          <TextField label="E-mail des avis" type="email" value={values.email} onChange={set("email")} hint="où partent les avis du portail (jamais de données de patient) ; facultatif" />
        </>
      ) : (
        <>
          <fieldset>
            <legend>Cabinets servis</legend>
            {practices.map((practice) => (
              <label key={practice.id} className="checkbox-option">
                <input
                  type="checkbox"
                  checked={values.practiceIds.includes(practice.id)}
                  onChange={(event) =>
                    set("practiceIds")(event.target.checked ? [...values.practiceIds, practice.id] : values.practiceIds.filter((id) => id !== practice.id))
                  }
                />
                {practice.name}
              </label>
            ))}
          </fieldset>
          <TextField label="Poste téléphonique" type="tel" value={values.extension} onChange={set("extension")} hint="2 à 10 chiffres, celui que le standard donne ; facultatif" />
        </>
      )}
      <TextField label="Mot de passe initial" type="password" value={values.password} onChange={set("password")} autoComplete="new-password" hint="10 caractères au moins" required />
      <SubmissionNotices failure={failure === null ? null : `Le compte n'a pas pu être créé${NBSP}: ${failure}`} />
      <FormButtons submitLabel="Créer le compte" busy={saving} cancelLabel="Effacer" onCancel={() => setValues(EMPTY)} />
    </form>
  );
}
