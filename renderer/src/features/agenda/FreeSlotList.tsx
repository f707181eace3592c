import type { PractitionerView } from "../../../../shared/api/views";
import { formatSlotStart } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { useFreeSlotsStore } from "../../stores/freeSlotsStore";
import { practitionerName, practitionerShortName } from "../practice/practiceLabels";
import { openBooking } from "./agendaDialogs";

const TITLE = "Prochains créneaux libres";

/**
 * The next free slots of the practice's practitioners (each one's everyday motif), earliest first:
 * what the secretary reads out when a caller asks "when can I come?".
 */
export function FreeSlotList({ practitioners }: { practitioners: PractitionerView[] }) {
  const slots = useFreeSlotsStore((state) => state.slots);
  const byId = new Map(practitioners.map((practitioner) => [practitioner.id, practitioner]));

  return (
    <section className="free-slots" aria-labelledby="free-slots-title">
      <h3 id="free-slots-title" className="free-slots__title">
        {TITLE}
      </h3>
      {(slots.status === "loading" || slots.status === "idle") && <p className="free-slots__note">Recherche des créneaux libres…</p>}
      {slots.status === "failed" && <p className="free-slots__note">{`Créneaux libres indisponibles${NBSP}: ${slots.message}`}</p>}
      {slots.status === "ready" && slots.value.length === 0 && <p className="free-slots__note">Aucun créneau libre dans les six prochains mois.</p>}
      {slots.status === "ready" && slots.value.length > 0 && (
        <ul className="free-slots__list" aria-label={TITLE}>
          {slots.value.map((slot) => {
            const practitioner = byId.get(slot.practitionerId);
            const name = practitioner ? practitionerName(practitioner) : "Praticien";
            return (
              <li key={`${slot.practitionerId}-${slot.startAt}`}>
                {/* The slot itself is the button: one click or Enter opens the booking on it. */}
                <button
                  type="button"
                  className="free-slots__slot"
                  aria-label={`Réserver le ${formatSlotStart(slot.startAt)} avec ${name}`}
                  onClick={() => openBooking({ practitionerId: slot.practitionerId, startAt: slot.startAt, appointmentTypeId: slot.appointmentTypeId })}
                >
                  {practitioner && <span className="swatch" style={{ backgroundColor: practitioner.color }} aria-hidden="true" />}
                  <time dateTime={slot.startAt}>{formatSlotStart(slot.startAt)}</time>
                  {` — ${practitioner ? practitionerShortName(practitioner) : name}`}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
