import { useState, type FormEvent } from "react";
import { BILLING_PRICINGS, DEFAULT_BILLABLE_OUTCOMES, parseEuros, type BillingContractInput, type BillingPricing } from "../../../../shared/domain/billing";
import { CALL_OUTCOMES, type CallOutcome } from "../../../../shared/domain/enums";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { useFormSubmission } from "../../app/useFormSubmission";
import { telesec } from "../../services/telesec";
import { CALL_OUTCOME_LABELS } from "../call/callOutcomes";

const PRICING_LABELS: Record<BillingPricing, string> = { par_appel: "Prix par appel", forfait: "Forfait mensuel" };

interface Fields {
  practiceId: string;
  month: string;
  pricing: BillingPricing;
  pricePerCall: string;
  monthlyFee: string;
  includedCalls: string;
  extraCall: string;
  outOfHours: string;
  onCall: string;
  vatRate: string;
  outcomes: CallOutcome[];
}

/** « 12 » → cents, or the field's French refusal. */
function euros(text: string, label: string): number {
  const cents = parseEuros(text.trim() === "" ? "0" : text);
  if (cents === null) throw new Error(`${label} : montant en euros attendu (par exemple 0,95).`);
  return cents;
}

/** A practice's contract from a month on: what its statements will count and charge. */
export function ContractForm({ practices, month, onSaved }: { practices: ReadonlyArray<{ id: string; name: string }>; month: string; onSaved(): void }) {
  const [fields, setFields] = useState<Fields>({
    practiceId: "",
    month,
    pricing: "par_appel",
    pricePerCall: "",
    monthlyFee: "",
    includedCalls: "",
    extraCall: "",
    outOfHours: "0",
    onCall: "0",
    vatRate: "20",
    outcomes: [...DEFAULT_BILLABLE_OUTCOMES],
  });
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useFormSubmission();
  const set = (change: Partial<Fields>) => setFields({ ...fields, ...change });
  // The practices arrive with the month: until one is chosen, the first.
  const practiceId = practices.some((practice) => practice.id === fields.practiceId) ? fields.practiceId : (practices[0]?.id ?? "");

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setSaved(null);
    let contract: BillingContractInput;
    try {
      const perCall = fields.pricing === "par_appel";
      const vat = parseEuros(fields.vatRate);
      if (vat === null) throw new Error("TVA : un taux en pour cent attendu (20 ou 5,5).");
      contract = {
        effectiveFrom: `${fields.month}-01`,
        pricing: fields.pricing,
        pricePerCallCents: perCall ? euros(fields.pricePerCall, "Prix par appel") : null,
        monthlyFeeCents: perCall ? null : euros(fields.monthlyFee, "Forfait mensuel"),
        includedCalls: perCall ? null : Number.parseInt(fields.includedCalls || "0", 10),
        extraCallCents: perCall ? null : euros(fields.extraCall, "Appel en plus"),
        outOfHoursCents: euros(fields.outOfHours, "Majoration hors heures"),
        onCallMonthlyCents: euros(fields.onCall, "Permanence 24 h/24"),
        billableOutcomes: fields.outcomes,
        vatRateBp: vat,
      };
    } catch (error) {
      submission.refuse((error as Error).message);
      return;
    }
    const name = practices.find((practice) => practice.id === practiceId)?.name ?? "Cabinet";
    if (await submission.send(() => telesec.call("billing.contracts.save", { practiceId, contract }), "Le contrat n'a pas été enregistré")) {
      setSaved(`Contrat de ${name} enregistré à compter de ${fields.month.split("-").reverse().join("/")}.`);
      onSaved();
    }
  }

  const input = (key: keyof Fields, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`contrat-${key}`}>{label}</label>
      <input id={`contrat-${key}`} inputMode="decimal" value={fields[key] as string} aria-describedby={hint ? `contrat-${key}-aide` : undefined} onChange={(event) => set({ [key]: event.target.value })} />
      {hint && (
        <span id={`contrat-${key}-aide`} className="muted">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <form className="admin-form" aria-label="Contrat d'un cabinet" aria-busy={submission.saving} onSubmit={(event) => void save(event)}>
      <div className="field">
        <label htmlFor="contrat-cabinet">Cabinet</label>
        <select id="contrat-cabinet" value={practiceId} onChange={(event) => set({ practiceId: event.target.value })}>
          {practices.map((practice) => (
            <option key={practice.id} value={practice.id}>
              {practice.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contrat-mois">À compter du mois de</label>
        <input id="contrat-mois" type="month" required value={fields.month} onChange={(event) => set({ month: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="contrat-tarif">Tarif</label>
        <select id="contrat-tarif" value={fields.pricing} onChange={(event) => set({ pricing: event.target.value as BillingPricing })}>
          {BILLING_PRICINGS.map((pricing) => (
            <option key={pricing} value={pricing}>
              {PRICING_LABELS[pricing]}
            </option>
          ))}
        </select>
      </div>
      {fields.pricing === "par_appel" ? (
        input("pricePerCall", "Prix par appel facturé (€ HT)")
      ) : (
        <>
          {input("monthlyFee", "Forfait mensuel (€ HT)")}
          {input("includedCalls", "Appels inclus dans le forfait")}
          {input("extraCall", "Prix de l'appel au-delà (€ HT)")}
        </>
      )}
      {input("outOfHours", "Majoration par appel hors heures ouvrées (€ HT)", "Avant 8 h, à partir de 19 h, samedi, dimanche et jours fériés.")}
      {input("onCall", "Permanence 24 h/24, 7 j/7 (€ HT par mois)")}
      {input("vatRate", "TVA (%)")}
      <fieldset className="field">
        <legend>Issues facturées</legend>
        {CALL_OUTCOMES.map((outcome) => (
          <label key={outcome} className="checkbox-option">
            <input
              type="checkbox"
              checked={fields.outcomes.includes(outcome)}
              onChange={(event) => set({ outcomes: event.target.checked ? [...fields.outcomes, outcome] : fields.outcomes.filter((chosen) => chosen !== outcome) })}
            />
            {CALL_OUTCOME_LABELS[outcome]}
          </label>
        ))}
      </fieldset>
      <SubmissionNotices failure={submission.failure} />
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={submission.saving || practices.length === 0}>
        Enregistrer le contrat
      </button>
    </form>
  );
}
