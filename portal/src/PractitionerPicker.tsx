import type { PortalSessionView } from "../../shared/api/portal";

/** Which of the doctor's practitioners a screen is about — shown only to a doctor of several (one doctor, two practices). */
export function PractitionerPicker({ id, session, value, onChange }: { id: string; session: PortalSessionView; value: string; onChange(practitionerId: string): void }) {
  if (session.practitioners.length <= 1) return null;
  return (
    <>
      <label htmlFor={id}>Praticien</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {session.practitioners.map((practitioner) => (
          <option key={practitioner.id} value={practitioner.id}>
            {practitioner.name} — {practitioner.practiceName}
          </option>
        ))}
      </select>
    </>
  );
}
