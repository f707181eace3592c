import type { PractitionerView } from "../../../../shared/api/views";
import { practitionerName } from "../practice/practiceLabels";

/** Whose agenda is shown, each with the colour that marks them. */
export function PractitionerLegend({ practitioners }: { practitioners: PractitionerView[] }) {
  if (practitioners.length === 0) return null;
  return (
    <ul className="practitioner-legend" aria-label="Praticiens de l'agenda">
      {practitioners.map((practitioner) => (
        <li key={practitioner.id}>
          <span className="swatch" style={{ backgroundColor: practitioner.color }} aria-hidden="true" />
          {practitionerName(practitioner)}
        </li>
      ))}
    </ul>
  );
}
