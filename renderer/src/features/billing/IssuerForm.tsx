import { useEffect, useState, type FormEvent } from "react";
import type { BillingIssuer } from "../../../../shared/domain/billing";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { useFormSubmission } from "../../app/useFormSubmission";
import { telesec } from "../../services/telesec";

const EMPTY = { name: "", address: "", siren: "", vatNumber: "", paymentDays: "30", latePenalty: "taux de refinancement de la BCE majoré de 10 points" };

/** Who issues the statements, as printed on them; copied into each statement when it is issued. */
export function IssuerForm() {
  const [fields, setFields] = useState(EMPTY);
  const [saved, setSaved] = useState(false);
  const submission = useFormSubmission();

  useEffect(() => {
    void telesec.call("billing.issuer.get", {}).then(({ issuer }) => {
      if (issuer) setFields({ ...issuer, vatNumber: issuer.vatNumber ?? "", paymentDays: String(issuer.paymentDays) });
    });
  }, []);

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaved(false);
    const issuer: BillingIssuer = { ...fields, vatNumber: fields.vatNumber.trim() === "" ? null : fields.vatNumber.trim(), paymentDays: Number(fields.paymentDays) };
    if (await submission.send(() => telesec.call("billing.issuer.save", issuer), "L'émetteur n'a pas été enregistré")) setSaved(true);
  }

  const field = (key: keyof typeof EMPTY, label: string, more: { multiline?: boolean; inputMode?: "numeric" } = {}) => (
    <div className="field">
      <label htmlFor={`emetteur-${key}`}>{label}</label>
      {more.multiline ? (
        <textarea id={`emetteur-${key}`} rows={2} value={fields[key]} onChange={(event) => setFields({ ...fields, [key]: event.target.value })} />
      ) : (
        <input id={`emetteur-${key}`} value={fields[key]} inputMode={more.inputMode} onChange={(event) => setFields({ ...fields, [key]: event.target.value })} />
      )}
    </div>
  );

  return (
    <form className="admin-form" aria-label="Émetteur des relevés" aria-busy={submission.saving} onSubmit={(event) => void save(event)}>
      {field("name", "Raison sociale")}
      {field("address", "Adresse", { multiline: true })}
      {field("siren", "SIREN", { inputMode: "numeric" })}
      {field("vatNumber", "N° de TVA intracommunautaire")}
      {field("paymentDays", "Délai de paiement (jours)", { inputMode: "numeric" })}
      {field("latePenalty", "Pénalités de retard")}
      <SubmissionNotices failure={submission.failure} />
      {saved && (
        <p className="notice" role="status">
          Émetteur enregistré.
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={submission.saving}>
        Enregistrer l'émetteur
      </button>
    </form>
  );
}
