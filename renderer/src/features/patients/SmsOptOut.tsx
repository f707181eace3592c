import { useState } from "react";
import type { PatientView } from "../../../../shared/api/views";
import { describeError, telesec } from "../../services/telesec";

/**
 * « Ne souhaite pas de SMS », on the identified caller: recorded on the patient (a change synced like any
 * other, offline too), and no SMS goes to them from then on — those planned are refused when their time comes.
 */
export function SmsOptOut({ patient }: { patient: PatientView }) {
  const [opposed, setOpposed] = useState(patient.smsOpposition);
  const [failure, setFailure] = useState<string | null>(null);

  async function change(next: boolean): Promise<void> {
    setOpposed(next);
    setFailure(null);
    try {
      await telesec.applyMutation("patient.update", { id: patient.id, smsOpposition: next });
    } catch (error) {
      setOpposed(!next);
      setFailure(`Choix non enregistré : ${describeError(error)}`);
    }
  }

  return (
    <>
      <label className="checkbox-option">
        <input type="checkbox" checked={opposed} onChange={(event) => void change(event.target.checked)} />
        Ne souhaite pas de SMS
      </label>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
