import { useEffect, useState } from "react";
import type { AgendaAppointment, PatientAppointments, PatientView, PractitionerView } from "../../../../shared/api/views";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { formatInstantTime, formatLongDay } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { currentTime } from "../../services/clock";
import { describeError, telesec } from "../../services/telesec";
import { useAgendaStore } from "../../stores/agendaStore";
import { failed, idle, loading, ready, type Loadable } from "../../stores/loadable";
import { patientName } from "../patients/patientName";
import { practitionerName } from "../practice/practiceLabels";
import { refreshAgenda } from "./agendaCommands";
import { openAppointment } from "./agendaDialogs";
import { APPOINTMENT_STATUS_LABELS, PENDING_MARK } from "./calendarEvents";

const FIRST_SHOWN = 3;

/**
 * The identified caller's own appointments — "when is my appointment?", "I want to cancel mine", among the
 * most common calls: the coming ones, each one key from its move or cancellation (Alt+O goes to the first),
 * and the last ones before. Read again whenever the agenda is (a sync, a change made here).
 */
export function CallerAppointments({ patient, practitioners }: { patient: PatientView; practitioners: PractitionerView[] }) {
  const appointments = useCallerAppointments(patient.id);
  // The first few in sight; the others one click away, so the card below stays reachable.
  const [all, setAll] = useState(false);
  const name = patientName(patient);
  const practitionerOf = (appointment: AgendaAppointment) => practitioners.find((candidate) => candidate.id === appointment.practitionerId);

  return (
    <section className="card-block caller-appointments" aria-labelledby={FOCUS_TARGETS.callerAppointments}>
      <h3 id={FOCUS_TARGETS.callerAppointments} tabIndex={-1}>{`Rendez-vous de ${name}`}</h3>
      {appointments.status === "loading" && <p role="status">Lecture de ses rendez-vous…</p>}
      {appointments.status === "failed" && <p className="notice notice--error" role="alert">{`Rendez-vous illisibles${NBSP}: ${appointments.message}`}</p>}
      {appointments.status === "ready" && (
        <>
          {appointments.value.upcoming.length === 0 ? (
            <p className="muted">Aucun rendez-vous à venir.</p>
          ) : (
            <ul className="caller-appointments__list" aria-label="Rendez-vous à venir">
              {appointments.value.upcoming.slice(0, all ? undefined : FIRST_SHOWN).map((appointment, index) => (
                <li key={appointment.id}>
                  <span>{describe(appointment, practitionerOf(appointment))}</span>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Déplacer ou annuler le rendez-vous du ${when(appointment)}`}
                    aria-keyshortcuts={index === 0 ? shortcutKeys("callerAppointments") : undefined}
                    data-caller-appointment={index === 0 ? "first" : undefined}
                    onClick={() => void openOwnAppointment(appointment)}
                  >
                    Déplacer ou annuler
                  </button>
                </li>
              ))}
            </ul>
          )}
          {appointments.value.upcoming.length > FIRST_SHOWN && (
            <button type="button" className="button button--small" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? "Afficher les premiers seulement" : `Afficher les ${appointments.value.upcoming.length - FIRST_SHOWN} autres`}
            </button>
          )}
          {appointments.value.past.length > 0 && (
            <ul className="caller-appointments__list caller-appointments__list--past" aria-label="Derniers rendez-vous passés">
              {appointments.value.past.map((appointment) => (
                <li key={appointment.id}>{`${describe(appointment, practitionerOf(appointment))} — ${APPOINTMENT_STATUS_LABELS[appointment.status]}`}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Alt+O: the first coming appointment's button, else the block's title. */
export function focusCallerAppointments(): boolean {
  const first = document.querySelector<HTMLButtonElement>("[data-caller-appointment=first]");
  if (first) {
    first.focus();
    return true;
  }
  const title = document.getElementById(FOCUS_TARGETS.callerAppointments);
  title?.focus();
  return title !== null;
}

function useCallerAppointments(patientId: string): Loadable<PatientAppointments> {
  const [appointments, setAppointments] = useState<Loadable<PatientAppointments>>(idle);
  // The agenda is read again after every sync that touches appointments and every change made here.
  const agendaRead = useAgendaStore((state) => state.appointments);
  useEffect(() => {
    let current = true;
    setAppointments((before) => (before.status === "ready" ? before : loading));
    telesec
      .appointmentsOfPatient(patientId)
      .then((found) => {
        if (current) setAppointments(ready(found));
      })
      .catch((error: unknown) => {
        if (current) setAppointments(failed(describeError(error)));
      });
    return () => {
      current = false;
    };
  }, [patientId, agendaRead]);
  return appointments;
}

/** The agenda goes to the appointment's day (the secretary sees it there), then its dialog opens: move, cancel. */
async function openOwnAppointment(appointment: AgendaAppointment): Promise<void> {
  await refreshAgenda(currentTime(), appointment.startAt);
  openAppointment(appointment.id);
}

function when(appointment: AgendaAppointment): string {
  return `${formatLongDay(appointment.startAt)} à ${formatInstantTime(appointment.startAt)}`;
}

function describe(appointment: AgendaAppointment, practitioner: PractitionerView | undefined): string {
  const withWhom = practitioner ? ` avec ${practitionerName(practitioner)}` : "";
  return `${when(appointment)} — ${appointment.motifLabel}${withWhom}${appointment.pending ? ` (${PENDING_MARK})` : ""}`;
}
