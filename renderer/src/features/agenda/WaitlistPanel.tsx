import { useState } from "react";
import type { PractitionerView, WaitlistEntryView } from "../../../../shared/api/views";
import { shortcutKeys } from "../../app/shortcuts";
import { formatInstantDate, formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { dialogActions } from "../../stores/dialogStore";
import { useWaitlistStore } from "../../stores/waitlistStore";
import { practitionerName } from "../practice/practiceLabels";
import { declineWaitlistOffer, removeFromWaitlist, takeWaitlistOffer } from "./appointmentCommands";

const TITLE = "Liste d'attente";

/**
 * The practice's waitlist. A freed slot the server offers comes first, as an alert every
 * workstation shows: the secretary calls the patient back and books it, or notes the refusal
 * (the server then offers it to the next in line).
 */
export function WaitlistPanel({ practitioners }: { practitioners: PractitionerView[] }) {
  const entries = useWaitlistStore((state) => state.entries);
  const failure = useWaitlistStore((state) => state.actionFailure);
  const list = entries.status === "ready" ? entries.value : [];
  const offers = list.filter((entry) => entry.offer !== null);
  const byId = new Map(practitioners.map((practitioner) => [practitioner.id, practitioner]));

  return (
    <section className="waitlist" aria-labelledby="waitlist-title">
      <div className="waitlist__header">
        <h3 id="waitlist-title">{`${TITLE} (${list.length})`}</h3>
        <button type="button" className="button button--small" aria-keyshortcuts={shortcutKeys("waitlistAdd")} onClick={() => dialogActions.opened("waitlistAdd")}>
          Inscrire le patient
        </button>
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {offers.length > 0 && (
        <ul className="waitlist__offers" aria-label="Créneaux libérés à proposer">
          {offers.map((entry) => (
            <OfferItem key={entry.id} entry={entry} practitioner={entry.offer ? byId.get(entry.offer.practitionerId) : undefined} />
          ))}
        </ul>
      )}
      {entries.status === "failed" && <p className="muted">{`Liste d'attente indisponible${NBSP}: ${entries.message}`}</p>}
      {/* A line whatever the state, so the agenda below does not move when the list arrives after the pop. */}
      {(entries.status === "loading" || entries.status === "idle") && <p className="waitlist__status muted">Chargement de la liste d'attente…</p>}
      {entries.status === "ready" && list.length === 0 && <p className="waitlist__status muted">Aucun patient en attente.</p>}
      {list.length > 0 && (
        <details className="waitlist__entries">
          <summary>{list.length === 1 ? "1 patient en attente" : `${list.length} patients en attente`}</summary>
          <ul aria-label="Patients en attente">
            {list.map((entry) => (
              <EntryItem key={entry.id} entry={entry} practitioners={byId} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function OfferItem({ entry, practitioner }: { entry: WaitlistEntryView; practitioner: PractitionerView | undefined }) {
  const [busy, setBusy] = useState(false);
  const offer = entry.offer;
  if (!offer) return null;
  const act = (action: (entry: WaitlistEntryView) => Promise<boolean>) => async () => {
    setBusy(true);
    await action(entry);
    setBusy(false);
  };
  return (
    <li className="waitlist__offer" aria-busy={busy}>
      <p role="alert">
        {`Créneau libéré${NBSP}: proposer à ${entry.patientName} le ${formatSlotStart(offer.startAt)}`}
        {practitioner ? ` avec ${practitionerName(practitioner)}` : ""}
        {` (${offer.motifLabel})`}
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary button--small" aria-disabled={busy} onClick={() => void act(takeWaitlistOffer)()}>
          Réserver ce créneau
        </button>
        <button type="button" className="button button--small" aria-disabled={busy} onClick={() => void act(declineWaitlistOffer)()}>
          Refusé par le patient
        </button>
      </div>
    </li>
  );
}

function EntryItem({ entry, practitioners }: { entry: WaitlistEntryView; practitioners: Map<string, PractitionerView> }) {
  const names = entry.practitionerIds.map((id) => practitioners.get(id)).filter((found) => found !== undefined).map(practitionerName);
  return (
    <li className="waitlist__entry">
      <span>{`${entry.patientName} — ${entry.motifLabel}`}</span>
      <span className="muted">{` · ${names.join(", ")} · depuis le ${formatInstantDate(entry.createdAt)}`}</span>
      <button type="button" className="button button--small" onClick={() => void removeFromWaitlist(entry)} aria-label={`Retirer ${entry.patientName} de la liste d'attente`}>
        Retirer
      </button>
    </li>
  );
}
