import type { PracticeCard } from "../../../../shared/api/views";
import { practitionerName } from "../practice/practiceLabels";

/** One of the practice's practitioners, by name; `anyone` adds a first choice for none in particular. */
export function PractitionerSelect(props: {
  id: string;
  label: string;
  practitioners: PracticeCard["practitioners"];
  value: string;
  onChange: (practitionerId: string) => void;
  anyone?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.anyone !== undefined && <option value="">{props.anyone}</option>}
        {props.practitioners.map((practitioner) => (
          <option key={practitioner.id} value={practitioner.id}>
            {practitionerName(practitioner)}
          </option>
        ))}
      </select>
    </div>
  );
}
