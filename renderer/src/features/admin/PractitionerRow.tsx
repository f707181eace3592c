import { EnumOptions } from "../../app/EnumOptions";
import type { PracticeCard } from "../../../../shared/api/views";
import { NEW_PATIENT_POLICIES, type NewPatientPolicy } from "../../../../shared/domain/enums";
import { NEW_PATIENT_POLICY_LABELS, practitionerName } from "../practice/practiceLabels";
import { ConfirmedButton } from "../../app/ConfirmedButton";
import { PractitionerAbsences } from "./PractitionerAbsences";
import { PractitionerCalendarFeeds } from "./PractitionerCalendarFeeds";
import { PractitionerHours } from "./PractitionerHours";
import { PractitionerIdentityForm } from "./PractitionerIdentityForm";
import { removeRecord, updateRecord, type RecordOutcome } from "./recordCommands";

type Practitioner = PracticeCard["practitioners"][number];

/**
 * One practitioner as an administrator edits them: new-patient policy, removal, identity, hours, absences,
 * and their calendar addresses. `report` says how each change went, the practice read again after it.
 */
export function PractitionerRow({ practitioner, report }: { practitioner: Practitioner; report: (what: string) => (result: RecordOutcome) => void }) {
  return (
    <li>
      <label>
        {`${practitionerName(practitioner)} — nouveaux patients `}
        <select
          value={practitioner.acceptsNewPatients}
          onChange={(event) =>
            void updateRecord({ kind: "practitioner", id: practitioner.id, change: { acceptsNewPatients: event.target.value as NewPatientPolicy } }).then(
              report(practitionerName(practitioner)),
            )
          }
        >
          <EnumOptions values={NEW_PATIENT_POLICIES} labels={NEW_PATIENT_POLICY_LABELS} />
        </select>
      </label>
      <ConfirmedButton
        label={`Retirer ${practitionerName(practitioner)}`}
        confirmLabel={`Confirmer le retrait de ${practitionerName(practitioner)} et de ses motifs`}
        onConfirm={() => void removeRecord({ kind: "practitioner", id: practitioner.id }).then(report(practitionerName(practitioner)))}
      />
      <PractitionerIdentityForm practitioner={practitioner} onSaved={report(practitionerName(practitioner))} />
      <PractitionerHours practitioner={practitioner} onSaved={report(`Horaires de ${practitionerName(practitioner)}`)} />
      <PractitionerAbsences practitioner={practitioner} onSaved={report(`Absences de ${practitionerName(practitioner)}`)} />
      <PractitionerCalendarFeeds practitioner={practitioner} />
    </li>
  );
}
