import type { OnCall } from "../../../../shared/domain/schedules";
import { displayPhoneNumber } from "../../format/phone";

/**
 * Whom to send the practice's patients to when it is closed. Out of hours it comes first on the card,
 * said as what to do now; otherwise it waits lower down with the colleagues.
 */
export function OnCallCard({ onCall, now }: { onCall: OnCall; now: boolean }) {
  return (
    <section className={`card-block on-call${now ? " on-call--now" : ""}`} aria-labelledby="titre-garde">
      <h3 id="titre-garde">{now ? "Cabinet fermé : orienter vers la garde" : "Médecin de garde"}</h3>
      <p>
        <strong>{onCall.name}</strong> — {displayPhoneNumber(onCall.phone)}
      </p>
      {onCall.hours !== "" && <p className="muted">{onCall.hours}</p>}
    </section>
  );
}
