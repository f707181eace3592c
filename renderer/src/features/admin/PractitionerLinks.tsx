import { useState } from "react";
import type { AdminPractitionerSummary } from "../../../../shared/api/admin";
import { foldText } from "../../../../shared/domain/nameFolding";
import { TextField } from "../../app/TextField";

/** Matches shown at most: an agency has hundreds of practitioners, a search narrows them. */
const SHOWN = 12;

/**
 * The practitioners a doctor's account speaks for (one doctor may work in two practices): those linked,
 * checked, then the agency's others found by name or practice. The account serves their practices only.
 */
export function PractitionerLinks({
  legend,
  practitioners,
  chosen,
  onChange,
}: {
  legend: string;
  practitioners: AdminPractitionerSummary[];
  chosen: readonly string[];
  onChange: (practitionerIds: string[]) => void;
}) {
  const [search, setSearch] = useState("");
  const folded = foldText(search).trim();
  const linked = practitioners.filter((practitioner) => chosen.includes(practitioner.id));
  const found =
    folded === ""
      ? []
      : practitioners.filter((practitioner) => !chosen.includes(practitioner.id) && foldText(`${practitioner.name} ${practitioner.practiceName}`).includes(folded));

  const option = (practitioner: AdminPractitionerSummary) => (
    <label key={practitioner.id} className="checkbox-option">
      <input
        type="checkbox"
        checked={chosen.includes(practitioner.id)}
        onChange={(event) => onChange(event.target.checked ? [...chosen, practitioner.id] : chosen.filter((id) => id !== practitioner.id))}
      />
      {`${practitioner.name} — ${practitioner.practiceName}`}
    </label>
  );

  return (
    <fieldset className="admin-practices">
      <legend>{legend}</legend>
      {linked.length === 0 && <p className="muted">Aucun praticien lié : cherchez-le ci-dessous.</p>}
      {linked.map(option)}
      <TextField label="Chercher un praticien" value={search} onChange={setSearch} hint="nom du praticien ou du cabinet" />
      {found.slice(0, SHOWN).map(option)}
      {found.length > SHOWN && <p className="muted">{`${found.length - SHOWN} autres : précisez la recherche.`}</p>}
      {folded !== "" && found.length === 0 && <p className="muted">Aucun autre praticien ne correspond.</p>}
    </fieldset>
  );
}
