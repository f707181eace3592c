import { useState, type FormEvent } from "react";
import type { CoveredAppointment } from "../../../../shared/api/admin";
import type { PracticeCard } from "../../../../shared/api/views";
import type { Absence } from "../../../../shared/domain/schedules";
import { formatInclusiveEnd, formatInstantDate, formatInstantDateTime, formatSlotStart } from "../../format/dates";
import { practitionerName } from "../practice/practiceLabels";
import { ABSENCE_REASON_LABELS, absenceFromDays, withAbsence } from "../../../../shared/domain/absenceDays";
import { updatePractitionerAbsences, type RecordOutcome } from "./recordCommands";

type Practitioner = PracticeCard["practitioners"][number];

/** A practitioner's absences: listed with a way to remove each, and a form to add one by whole days. */
export function PractitionerAbsences({ practitioner, onSaved }: { practitioner: Practitioner; onSaved: (result: RecordOutcome) => void }) {
  const [firstDay, setFirstDay] = useState("");
  const [lastDay, setLastDay] = useState("");
  const [reason, setReason] = useState<Absence["reason"]>("conges");
  const [error, setError] = useState<string | null>(null);
  const name = practitionerName(practitioner);
  // The appointments a new absence covers: each patient is now one to call back (the server wrote the messages).
  const [covered, setCovered] = useState<CoveredAppointment[]>([]);
  const save = async (absences: Absence[]) => {
    const answer = await updatePractitionerAbsences(practitioner.id, absences);
    setCovered(answer.ok ? answer.covered : []);
    onSaved(answer);
  };

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const read = absenceFromDays(firstDay, lastDay, reason);
    if ("error" in read) {
      setError(read.error);
      return;
    }
    setError(null);
    void save(withAbsence(practitioner.absences, read.absence));
  }

  return (
    <div className="admin-absences">
      {covered.length > 0 && (
        <div className="notice notice--warning" role="status">
          <p>{coveredSentence(covered.length)}</p>
          <ul aria-label="Rendez-vous pendant l'absence">
            {covered.map((appointment) => (
              <li key={appointment.appointmentId}>{`${formatSlotStart(appointment.startAt)} — ${appointment.patientName}`}</li>
            ))}
          </ul>
        </div>
      )}
      <ul aria-label={`Absences de ${name}`}>
        {practitioner.absences.map((absence, index) => (
          <li key={`${absence.from}-${index}`}>
            {`Du ${formatInstantDateTime(absence.from)} au ${formatInclusiveEnd(absence.to).text} (${absence.label ?? ABSENCE_REASON_LABELS[absence.reason]}) `}
            <button type="button" className="button button--small" onClick={() => void save(practitioner.absences.filter((_, other) => other !== index))}>
              {`Retirer l'absence du ${formatInstantDate(absence.from)}`}
            </button>
          </li>
        ))}
      </ul>
      <form className="admin-form admin-form--inline" aria-label={`Nouvelle absence de ${name}`} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`absence-du-${practitioner.id}`}>Premier jour</label>
          <input id={`absence-du-${practitioner.id}`} type="date" value={firstDay} onChange={(event) => setFirstDay(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`absence-au-${practitioner.id}`}>Dernier jour</label>
          <input id={`absence-au-${practitioner.id}`} type="date" value={lastDay} onChange={(event) => setLastDay(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`absence-motif-${practitioner.id}`}>Motif</label>
          <select id={`absence-motif-${practitioner.id}`} value={reason} onChange={(event) => setReason(event.target.value as Absence["reason"])}>
            {Object.entries(ABSENCE_REASON_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Ajouter l'absence
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

function coveredSentence(count: number): string {
  const them = count === 1 ? "1 rendez-vous est pris" : `${count} rendez-vous sont pris`;
  return `${them} pendant cette absence : chaque patient est à rappeler, un message « à rappeler » urgent a été laissé au cabinet pour chacun.`;
}
