import { useState, type FormEvent } from "react";
import { useFormSubmission } from "../../app/useFormSubmission";
import { EnumOptions } from "../../app/EnumOptions";
import type { AdminUserView } from "../../../../shared/api/admin";
import { WORKSTATION_ROLES, type UserRole } from "../../../../shared/domain/enums";
import { FormButtons } from "../../app/FormButtons";
import { TextField } from "../../app/TextField";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import type { AdminPracticeSummary, AdminPractitionerSummary } from "../../../../shared/api/admin";
import { valueOr } from "../../stores/loadable";
import { selectSignedInUser } from "../../stores/syncSelectors";
import { useSyncStore } from "../../stores/syncStore";
import { NewAccountForm } from "./NewAccountForm";
import { PractitionerLinks } from "./PractitionerLinks";
import { ROLE_LABELS } from "./roleScreens";
import { useServerList } from "./useServerList";

type AccountChange = Parameters<typeof telesec.call<"admin.users.update">>[1]["change"];

/**
 * The agency's accounts: who may sign in, with which role, for which practices and phone extension (a
 * doctor's account: for which practitioners, on the portal); a new account; a new password; disabling one. The administrator's own account keeps its role and stays
 * enabled (the server refuses both): its row offers neither.
 */
export function AccountsTab() {
  const { list, reload } = useServerList(() => telesec.call("admin.users.list", {}));
  // Every practice of the agency, from the server: an account may be given one this workstation does not hold.
  const practices = valueOr(useServerList(() => telesec.call("admin.practices.list", {})).list, []);
  const practitioners = valueOr(useServerList(() => telesec.call("admin.practitioners.list", {})).list, []);
  const me = useSyncStore(selectSignedInUser);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  async function change(user: AdminUserView, change: AccountChange): Promise<boolean> {
    setFailure(null);
    let done = true;
    try {
      await telesec.call("admin.users.update", { id: user.id, change });
    } catch (error) {
      setFailure(`${user.login}${NBSP}: ${describeError(error)}`);
      done = false;
    }
    await reload();
    return done;
  }

  return (
    <section aria-labelledby="comptes-titre" className="admin-section">
      <h3 id="comptes-titre">Comptes</h3>
      {list.status === "loading" && <p className="muted">Chargement des comptes…</p>}
      {list.status === "failed" && <p className="notice notice--error" role="alert">{`Comptes indisponibles${NBSP}: ${list.message}`}</p>}
      {failure && <p className="notice notice--error" role="alert">{failure}</p>}
      {list.status === "ready" && (
        <table className="admin-table" aria-label="Comptes de l'agence">
          <thead>
            <tr>
              <th scope="col">Identifiant</th>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Cabinets</th>
              <th scope="col">Poste téléphonique</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((user) => {
              const own = user.id === me?.id;
              return (
                <tr key={user.id}>
                  <td>{user.login}</td>
                  <td>
                    {user.displayName}{" "}
                    <button type="button" className="button button--small" aria-expanded={editing === user.id} onClick={() => setEditing(editing === user.id ? null : user.id)}>
                      {`Modifier ${user.login}`}
                    </button>
                    {editing === user.id && (
                      <AccountEditForm
                        user={user}
                        onSave={(edits) => change(user, edits).then((done) => done && setEditing(null))}
                        onCancel={() => setEditing(null)}
                      />
                    )}
                  </td>
                  <td>
                    {own ? (
                      `${ROLE_LABELS[user.role]} (vous)`
                    ) : user.role === "practitioner" ? (
                      <>
                        {ROLE_LABELS[user.role]}{" "}
                        <SecondFactorReset login={user.login} onReset={() => change(user, { resetSecondFactor: true })} />
                      </>
                    ) : (
                      <select aria-label={`Rôle de ${user.login}`} value={user.role} onChange={(event) => void change(user, { role: event.target.value as UserRole })}>
                        <EnumOptions values={WORKSTATION_ROLES} labels={ROLE_LABELS} />
                      </select>
                    )}
                  </td>
                  <td>
                    {user.role === "practitioner" ? (
                      <AccountPractitioners user={user} practitioners={practitioners} onChange={(practitionerIds) => change(user, { practitionerIds }).then(() => undefined)} />
                    ) : (
                      <AccountPractices user={user} practices={practices} onChange={(practiceIds) => change(user, { practiceIds }).then(() => undefined)} />
                    )}
                  </td>
                  <td>{user.extension ?? "—"}</td>
                  <td>
                    {user.disabled ? "Désactivé " : "Actif "}
                    {!own && (
                      <button type="button" className="button button--small" onClick={() => void change(user, { disabled: !user.disabled })}>
                        {user.disabled ? `Réactiver ${user.login}` : `Désactiver ${user.login}`}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <NewAccountForm practices={practices} practitioners={practitioners} onCreated={reload} />
    </section>
  );
}

/**
 * An account's name, phone extension (the PBX names the secretary by it) and, if given, a new password; a
 * doctor's account also its e-mail address, where the portal's notices go.
 */
function AccountEditForm({ user, onSave, onCancel }: { user: AdminUserView; onSave: (change: AccountChange) => Promise<unknown>; onCancel: () => void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [extension, setExtension] = useState(user.extension ?? "");
  const [email, setEmail] = useState(user.email ?? "");
  const [password, setPassword] = useState("");
  const doctor = user.role === "practitioner";
  // The list above says why a change failed (onSave never throws): this form only goes once at a time.
  const { saving, send } = useFormSubmission();

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    await send(() =>
      onSave({
        displayName,
        extension: extension.trim() === "" ? null : extension.trim(),
        ...(doctor ? { email: email.trim() === "" ? null : email.trim() } : {}),
        ...(password ? { password } : {}),
      }),
    );
  }

  return (
    <form className="admin-form" aria-label={`Compte ${user.login}`} onSubmit={(event) => void submit(event)} noValidate>
      <TextField label="Nom affiché" value={displayName} onChange={setDisplayName} required />
      <TextField label="Poste téléphonique" type="tel" value={extension} onChange={setExtension} hint="2 à 10 chiffres ; vide : aucun" />
      {doctor && (
        <TextField label="E-mail des avis" type="email" value={email} onChange={setEmail} hint="où partent les avis du portail (jamais de données de patient) ; vide : aucun" />
      )}
      <TextField label="Nouveau mot de passe" type="password" value={password} onChange={setPassword} autoComplete="new-password" hint="vide : inchangé ; 10 caractères au moins" />
      <FormButtons submitLabel={`Enregistrer ${user.login}`} busy={saving} cancelLabel="Annuler" onCancel={onCancel} />
    </form>
  );
}

/** The practitioners a doctor's account speaks for, and so its practices: a count, opened to change them. */
function AccountPractitioners({ user, practitioners, onChange }: { user: AdminUserView; practitioners: AdminPractitionerSummary[]; onChange: (practitionerIds: string[]) => Promise<void> }) {
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (chosen === null) {
    return (
      <button type="button" className="button button--small" onClick={() => setChosen(user.practitionerIds)}>
        {`Praticiens de ${user.login} (${user.practitionerIds.length})`}
      </button>
    );
  }
  return (
    <>
      <PractitionerLinks legend={`Praticiens de ${user.login}`} practitioners={practitioners} chosen={chosen} onChange={setChosen} />
      <button type="button" className="button button--small" onClick={() => void onChange(chosen).then(() => setChosen(null))}>
        {`Enregistrer les praticiens de ${user.login}`}
      </button>
    </>
  );
}

/** Which practices an account serves: a count, opened into checkboxes to change them. */
function AccountPractices({ user, practices, onChange }: { user: AdminUserView; practices: AdminPracticeSummary[]; onChange: (practiceIds: string[]) => Promise<void> }) {
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (chosen === null) {
    return (
      <button type="button" className="button button--small" onClick={() => setChosen(user.practiceIds)} aria-label={`Cabinets de ${user.login} (${user.practiceIds.length})`}>
        {user.practiceIds.length}
      </button>
    );
  }
  return (
    <fieldset className="admin-practices">
      <legend>{`Cabinets de ${user.login}`}</legend>
      {practices.map((practice) => (
        <label key={practice.id} className="checkbox-option">
          <input
            type="checkbox"
            checked={chosen.includes(practice.id)}
            onChange={(event) => setChosen(event.target.checked ? [...chosen, practice.id] : chosen.filter((id) => id !== practice.id))}
          />
          {practice.name}
        </label>
      ))}
      <button type="button" className="button button--small" onClick={() => void onChange(chosen).then(() => setChosen(null))}>
        {`Enregistrer les cabinets de ${user.login}`}
      </button>
    </fieldset>
  );
}

/**
 * For a doctor who lost the phone and the recovery codes: the portal forgets the second factor (the next
 * sign-in sets up a new one) and closes the account's portal sessions — after a second click.
 */
function SecondFactorReset({ login, onReset }: { login: string; onReset: () => Promise<boolean> }) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (done) return <span className="muted">Double authentification réinitialisée</span>;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => {
        if (!confirming) return setConfirming(true);
        setConfirming(false);
        void onReset().then(setDone);
      }}
    >
      {confirming ? `Confirmer : réinitialiser la double authentification de ${login}` : `Réinitialiser la double authentification de ${login}`}
    </button>
  );
}
