import { periodHolding, shiftedDate, type DateRange, type ReportPeriodKind } from "../../../../shared/domain/reportPeriods";

/** The period asked: a kind and the date it holds, or, for a custom one, its first and last days. */
export interface PeriodChoice {
  kind: ReportPeriodKind;
  date: string;
  from: string;
  to: string;
}

const KIND_LABELS: Record<ReportPeriodKind, string> = { jour: "Jour", semaine: "Semaine", mois: "Mois", personnalisee: "Personnalisée" };

export function rangeOf(choice: PeriodChoice): DateRange {
  return choice.kind === "personnalisee" ? { from: choice.from, to: choice.to } : periodHolding(choice.kind, choice.date);
}

/** The day, week or month before (−1) or after (+1) the one chosen. */
export function shiftedPeriod(choice: PeriodChoice, direction: -1 | 1): PeriodChoice {
  return choice.kind === "personnalisee" ? choice : { ...choice, date: shiftedDate(choice.kind, rangeOf(choice).from, direction) };
}

/** The period fields of the report form: its kind, then the date it holds or a custom range's bounds. */
export function ReportPeriodFields({ value, onChange }: { value: PeriodChoice; onChange(next: PeriodChoice): void }) {
  return (
    <>
      <div className="field">
        <label htmlFor="rapport-periode-type">Période</label>
        <select id="rapport-periode-type" value={value.kind} onChange={(event) => onChange({ ...value, kind: event.target.value as ReportPeriodKind })}>
          {(Object.keys(KIND_LABELS) as ReportPeriodKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {value.kind === "personnalisee" ? (
        <>
          <div className="field">
            <label htmlFor="rapport-du">Du</label>
            <input id="rapport-du" type="date" required value={value.from} onChange={(event) => onChange({ ...value, from: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="rapport-au">Au</label>
            <input id="rapport-au" type="date" required value={value.to} onChange={(event) => onChange({ ...value, to: event.target.value })} />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor="rapport-date">{value.kind === "jour" ? "Jour" : value.kind === "semaine" ? "Un jour de la semaine" : "Un jour du mois"}</label>
          <input id="rapport-date" type="date" required value={value.date} onChange={(event) => onChange({ ...value, date: event.target.value })} />
        </div>
      )}
    </>
  );
}
