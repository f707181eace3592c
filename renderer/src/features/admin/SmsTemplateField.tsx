import { useId } from "react";
import { smsLength } from "../../../../shared/domain/smsParts";
import { checkSmsTemplate, renderSmsTemplate, SMS_VARIABLES, type SmsVariable } from "../../../../shared/domain/smsTemplate";

/**
 * One SMS template: its words, what is wrong with them (health data, an unknown variable, the practitioner
 * named against the practice's choice), and the length of the SMS it makes for an example appointment of
 * this practice — in parts, and in which alphabet (a single « ê » halves an SMS).
 */
export function SmsTemplateField({
  label,
  value,
  onChange,
  practitionerNamed,
  example,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  practitionerNamed: boolean;
  example: Record<SmsVariable, string>;
}) {
  const id = useId();
  const problems = checkSmsTemplate(value, { practitionerNameAllowed: practitionerNamed }).problems;
  const length = smsLength(renderSmsTemplate(value, example));
  const alphabet =
    length.encoding === "GSM-7" ? "alphabet GSM" : `alphabet étendu à cause de ${length.outsideGsm7.map((char) => `« ${char} »`).join(", ")} : 70 caractères par SMS au lieu de 160`;
  const lengthText = `${length.parts} SMS (${length.units} caractères avec un exemple ; ${alphabet})`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-longueur${problems.length > 0 ? ` ${id}-erreur` : ""}`}
        aria-invalid={problems.length > 0}
      />
      <p id={`${id}-longueur`} className="field-hint">
        {lengthText}
      </p>
      {problems.length > 0 && (
        <p id={`${id}-erreur`} className="field-error">
          {problems.join(" ")}
        </p>
      )}
    </div>
  );
}

/** The variables a template may use, for the form's hint. */
export const SMS_VARIABLES_HINT = Object.entries(SMS_VARIABLES)
  .map(([name, what]) => `{${name}} : ${what}`)
  .join(" ; ");
