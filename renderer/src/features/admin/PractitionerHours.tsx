import { useState, type FormEvent } from "react";
import type { PracticeCard } from "../../../../shared/api/views";
import { TextField } from "../../app/TextField";
import { practitionerName } from "../practice/practiceLabels";
import { formatWeeklyHours, parseWeeklyHours } from "./weeklyHoursText";
import { updateRecord, type RecordOutcome } from "./recordCommands";

type Practitioner = PracticeCard["practitioners"][number];

/** A practitioner's weekly hours as one line of text ("lun 08:00-12:00 14:00-19:00 ; mar …"). */
export function PractitionerHours({ practitioner, onSaved }: { practitioner: Practitioner; onSaved: (result: RecordOutcome) => void }) {
  const [text, setText] = useState(formatWeeklyHours(practitioner.workingHours));
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const read = parseWeeklyHours(text);
    if ("error" in read) {
      setError(read.error);
      return;
    }
    setError(undefined);
    void updateRecord({ kind: "practitioner", id: practitioner.id, change: { workingHours: read.hours } }).then(onSaved);
  }

  return (
    <form className="admin-form admin-form--inline" aria-label={`Horaires de ${practitionerName(practitioner)}`} onSubmit={submit} noValidate>
      <TextField label="Horaires de la semaine" value={text} onChange={setText} hint="Par exemple : lun 08:00-12:00 14:00-19:00 ; mar 08:00-12:00" error={error} />
      <button type="submit" className="button">
        Enregistrer les horaires
      </button>
    </form>
  );
}
