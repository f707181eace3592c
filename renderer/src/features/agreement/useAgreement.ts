import { useEffect, useMemo, useState } from "react";
import type { AgreementView, PractitionerView } from "../../../../shared/api/views";
import { describeError, telesec } from "../../services/telesec";
import { useMessagesStore } from "../../stores/messagesStore";
import { failed, idle, loading, ready, type Loadable } from "../../stores/loadable";
import { agreementState, type AgreementState } from "./agreementState";

/**
 * A patient's requests for a practitioner's agreement, and whether they are new to them; read again
 * whenever the practice's messages are (a sync brought an answer, one was noted here).
 */
export function useAgreement(patientId: string | null, practitionerId: string | null): Loadable<AgreementView> {
  const key = patientId && practitionerId ? `${patientId}/${practitionerId}` : null;
  // What was read, and for whom: another patient's or practitioner's answer is never shown, not even for a moment.
  const [read, setRead] = useState<{ key: string | null; agreement: Loadable<AgreementView> }>({ key: null, agreement: idle });
  const messagesRead = useMessagesStore((state) => state.messages);
  useEffect(() => {
    if (!patientId || !practitionerId) return;
    let current = true;
    const settle = (agreement: Loadable<AgreementView>) => {
      if (current) setRead({ key: `${patientId}/${practitionerId}`, agreement });
    };
    telesec.agreement(patientId, practitionerId).then(
      (found) => settle(ready(found)),
      (error: unknown) => settle(failed(describeError(error))),
    );
    return () => {
      current = false;
    };
  }, [patientId, practitionerId, messagesRead]);
  if (key === null) return idle;
  return read.key === key ? read.agreement : loading;
}

/** Where the identified patient stands with a practitioner's new-patient policy, read from the requests made. */
export function useAgreementState(patientId: string | null, practitioner: Pick<PractitionerView, "id" | "acceptsNewPatients"> | null): Loadable<AgreementState> {
  // A practitioner who takes every new patient needs no lookup.
  const asks = practitioner !== null && practitioner.acceptsNewPatients !== "oui";
  const agreement = useAgreement(asks ? patientId : null, practitioner?.id ?? null);
  return useMemo((): Loadable<AgreementState> => {
    if (agreement.status !== "ready") return agreement;
    return practitioner ? ready(agreementState(practitioner.acceptsNewPatients, agreement.value)) : idle;
  }, [agreement, practitioner]);
}
