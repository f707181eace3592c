import { useId, type RefObject } from "react";
import type { MotifView, PractitionerView } from "../../../../shared/api/views";
import { NBSP } from "../../format/typography";
import type { Loadable } from "../../stores/loadable";
import { practitionerName } from "../practice/practiceLabels";
import { motifsOf } from "./bookingForm";

interface MotifFieldsProps {
  practitioners: PractitionerView[];
  motifs: MotifView[];
  motifsLoadable: Loadable<MotifView[]>;
  practitionerId: string;
  appointmentTypeId: string;
  errors: { practitionerId?: string | undefined; appointmentTypeId?: string | undefined };
  firstRef?: RefObject<HTMLSelectElement | null>;
  onPractitioner: (practitionerId: string) => void;
  onMotif: (appointmentTypeId: string) => void;
}

/** The practitioner, then one of their motifs (with its duration): the two choices a booking starts from. */
export function MotifFields({ practitioners, motifs, motifsLoadable, practitionerId, appointmentTypeId, errors, firstRef, onPractitioner, onMotif }: MotifFieldsProps) {
  const id = useId();
  const own = motifsOf(motifs, practitionerId);
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-praticien`}>Praticien</label>
        <select id={`${id}-praticien`} ref={firstRef} value={practitionerId} onChange={(event) => onPractitioner(event.target.value)} aria-invalid={errors.practitionerId ? true : undefined}>
          {practitioners.map((practitioner) => (
            <option key={practitioner.id} value={practitioner.id}>
              {`${practitionerName(practitioner)} — ${practitioner.specialty}`}
            </option>
          ))}
        </select>
        {errors.practitionerId && <p className="field-error">{errors.practitionerId}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-motif`}>Motif</label>
        <select id={`${id}-motif`} value={appointmentTypeId} onChange={(event) => onMotif(event.target.value)} aria-invalid={errors.appointmentTypeId ? true : undefined}>
          {own.length === 0 && <option value="">{motifsLoadable.status === "loading" ? "Chargement des motifs…" : "Aucun motif"}</option>}
          {own.map((motif) => (
            <option key={motif.id} value={motif.id}>
              {`${motif.label} (${motif.durationMinutes}${NBSP}min)`}
            </option>
          ))}
        </select>
        {motifsLoadable.status === "failed" && <p className="field-error">{`Motifs indisponibles${NBSP}: ${motifsLoadable.message}`}</p>}
        {errors.appointmentTypeId && <p className="field-error">{errors.appointmentTypeId}</p>}
      </div>
    </>
  );
}
