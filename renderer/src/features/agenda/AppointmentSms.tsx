import { useEffect, useState } from "react";
import type { AppointmentSmsView } from "../../../../shared/api/views";
import { SMS_KIND_NAMES, type SmsStatus } from "../../../../shared/domain/smsSettings";
import { formatInstantDateTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { describeError, telesec } from "../../services/telesec";
import { failed, idle, loading, ready, type Loadable } from "../../stores/loadable";

const STATUS_WORDS: Record<SmsStatus, string> = { prevu: "prévu", envoye: "envoyé", remis: "remis", echec: "échec", refuse: "refusé", remplace: "remplacé" };

function describe(sms: AppointmentSmsView): string {
  const when =
    sms.status === "remis" && sms.deliveredAt
      ? ` le ${formatInstantDateTime(sms.deliveredAt)}`
      : sms.status === "envoye" && sms.sentAt
        ? ` le ${formatInstantDateTime(sms.sentAt)}`
        : sms.status === "prevu"
          ? ` pour le ${formatInstantDateTime(sms.sendAt)}`
          : "";
  return `${SMS_KIND_NAMES[sms.kind]}${NBSP}: ${STATUS_WORDS[sms.status]}${when}${sms.reason ? ` — ${sms.reason}` : ""}`;
}

/** While an SMS awaits its receipt, asked again every second, for two minutes at most: the receipt comes in seconds. */
const AWAIT_RECEIPT_MS = 1000;
const AWAIT_RECEIPT_ROUNDS = 120;

/**
 * The appointment's SMS to its patient and what became of them — planned, sent, delivered, failed with the
 * gateway's reason, refused (no mobile), replaced by a move — asked of the server when the dialog opens, and
 * again while one sent awaits its receipt. Offline, it says so: the workstation holds no SMS.
 */
export function AppointmentSms({ appointmentId }: { appointmentId: string }) {
  const [sms, setSms] = useState<Loadable<AppointmentSmsView[]>>(idle);
  const [round, setRound] = useState(0);
  useEffect(() => setRound(0), [appointmentId]);
  useEffect(() => {
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    if (round === 0) setSms(loading);
    telesec.call("sms.ofAppointment", { appointmentId }).then(
      (found) => {
        if (!current) return;
        setSms(ready(found));
        if (round < AWAIT_RECEIPT_ROUNDS && found.some((one) => one.status === "envoye")) again = setTimeout(() => setRound(round + 1), AWAIT_RECEIPT_MS);
      },
      (error: unknown) => current && round === 0 && setSms(failed(describeError(error))),
    );
    return () => {
      current = false;
      if (again) clearTimeout(again);
    };
  }, [appointmentId, round]);

  return (
    <section className="appointment-sms" aria-label="SMS au patient">
      <h3>SMS au patient</h3>
      {sms.status === "loading" && <p className="muted">Lecture des SMS…</p>}
      {sms.status === "failed" && <p className="muted">{`SMS indisponibles${NBSP}: ${sms.message}`}</p>}
      {sms.status === "ready" &&
        (sms.value.length === 0 ? (
          <p className="muted">Aucun SMS pour ce rendez-vous.</p>
        ) : (
          <ul className="appointment-sms__list">
            {sms.value.map((one) => (
              <li key={one.id}>{describe(one)}</li>
            ))}
          </ul>
        ))}
    </section>
  );
}
