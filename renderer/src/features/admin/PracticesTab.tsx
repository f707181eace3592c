import { useCallback, useEffect, useState } from "react";
import type { AdminPracticeRecords } from "../../../../shared/api/admin";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { valueOr } from "../../stores/loadable";
import { NewDirectiveForm } from "./NewDirectiveForm";
import { CoverageForm } from "./CoverageForm";
import { OnCallForm } from "./OnCallForm";
import { DaySummaryForm } from "./DaySummaryForm";
import { CallbackDelaysForm } from "./CallbackDelaysForm";
import { DialledNumbers } from "./DialledNumbers";
import { SmsSettingsForm } from "./SmsSettingsForm";
import { type RecordOutcome } from "./recordCommands";
import { useServerList } from "./useServerList";
import { DirectiveRow } from "./DirectiveRow";
import { MotifRow } from "./MotifRow";
import { NewMotifForm } from "./NewMotifForm";
import { NewPracticeForm } from "./NewPracticeForm";
import { NewPractitionerForm } from "./NewPractitionerForm";
import { PracticeCardForm } from "./PracticeCardForm";
import { PractitionerRow } from "./PractitionerRow";
import { OutcomeNotice, type Outcome } from "./OutcomeNotice";

/**
 * A practice as an administrator edits it, read from the server (any practice of the agency, whatever
 * her account serves, and none of its patients): its card (name, greeting, access, coverage), its
 * numbers, its SMS to patients, the hour of its doctors' day summary, its practitioners (new-patient policy, hours, absences; removal), its motifs (duration, what
 * to read to the patient, notice, new patients; removal) and its consignes (add one, end one; ended and
 * future ones shown too). Each change goes to the server, and the screen reads the practice again.
 */
export function PracticesTab() {
  const { list, reload: reloadList } = useServerList(() => telesec.call("admin.practices.list", {}));
  const practices = valueOr(list, []);
  const [chosen, setChosen] = useState("");
  const practiceId = chosen || practices[0]?.id || "";
  const [records, setRecords] = useState<AdminPracticeRecords | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(async () => {
    if (!practiceId) return;
    try {
      setRecords(await telesec.call("admin.practices.get", { practiceId }));
    } catch (error) {
      setOutcome({ said: describeError(error), failed: true });
    }
  }, [practiceId]);

  useEffect(() => {
    void load();
  }, [load]);

  const report = (what: string) => (result: RecordOutcome) => {
    setOutcome(result.ok ? { said: `${what}${NBSP}: enregistré.`, failed: false } : { said: `${what}${NBSP}: ${result.message}`, failed: true });
    if (result.ok) void Promise.all([load(), reloadList()]);
  };

  return (
    <section aria-labelledby="cabinets-titre" className="admin-section">
      <h3 id="cabinets-titre">Cabinets</h3>
      <div className="field">
        <label htmlFor="cabinet-edite">Cabinet</label>
        <select id="cabinet-edite" value={practiceId} onChange={(event) => setChosen(event.target.value)}>
          {practices.map((practice) => (
            <option key={practice.id} value={practice.id}>
              {practice.active ? practice.name : `${practice.name} (fermé)`}
            </option>
          ))}
        </select>
      </div>
      <OutcomeNotice outcome={outcome} />
      {list.status === "failed" && (
        <p className="notice notice--error" role="alert">
          {`Cabinets indisponibles${NBSP}: ${list.message}`}
        </p>
      )}
      <NewPracticeForm onSaved={report("Nouveau cabinet")} onCreated={setChosen} />
      {records && (
        <>
          <PracticeCardForm key={records.card.id} card={records.card} onSaved={report("Fiche du cabinet")} />
          <CoverageForm key={`couverture-${records.card.id}`} card={records.card} onSaved={report("Couverture du cabinet")} />
          <OnCallForm key={`garde-${records.card.id}`} card={records.card} onSaved={report("Médecin de garde")} />
          <DialledNumbers practiceId={records.card.id} numbers={records.numbers} onSaved={report("Numéros du cabinet")} />
          <SmsSettingsForm key={`sms-${records.card.id}`} card={records.card} onSaved={report("SMS aux patients")} />
          <DaySummaryForm key={`bilan-${records.card.id}-${records.daySummaryHour}`} practiceId={records.card.id} hour={records.daySummaryHour} onSaved={report("Bilan de la journée")} />
          <CallbackDelaysForm key={`delais-${records.card.id}-${JSON.stringify(records.callbackDelays)}`} practiceId={records.card.id} delays={records.callbackDelays} onSaved={report("Délais de rappel")} />
          <h4>Praticiens</h4>
          <ul className="admin-list">
            {records.card.practitioners.map((practitioner) => (
              <PractitionerRow key={practitioner.id} practitioner={practitioner} report={report} />
            ))}
          </ul>
          <NewPractitionerForm practiceId={records.card.id} onSaved={report("Nouveau praticien")} />
          <h4>Motifs</h4>
          <ul className="admin-list">
            {records.motifs.map((motif) => (
              <MotifRow key={motif.id} motif={motif} owner={records.card.practitioners.find((practitioner) => practitioner.id === motif.practitionerId)} onSaved={report(`Motif ${motif.label}`)} />
            ))}
          </ul>
          <NewMotifForm card={records.card} onSaved={report("Nouveau motif")} />
          <h4>Consignes</h4>
          <ul className="admin-list" aria-label="Consignes du cabinet">
            {records.directives.map((directive) => (
              <DirectiveRow key={directive.id} directive={directive} report={report} />
            ))}
          </ul>
          <NewDirectiveForm card={records.card} onSaved={report("Nouvelle consigne")} />
        </>
      )}
    </section>
  );
}
