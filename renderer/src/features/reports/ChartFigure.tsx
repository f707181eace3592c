import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

/**
 * A chart and its table, one key away: « T » anywhere in the figure (or its button) shows the table and
 * puts the focus on it, for a screen reader to read; again, hides it and goes back to the button. Printed,
 * both appear.
 */
export function ChartFigure({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const [tableShown, setTableShown] = useState(false);
  const titleId = useId();
  const tableId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function toggle(): void {
    const showing = !tableShown;
    setTableShown(showing);
    requestAnimationFrame(() => (showing ? tableRef.current : buttonRef.current)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key.toLowerCase() !== "t" || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    event.preventDefault();
    toggle();
  }

  return (
    <figure className="report-chart" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <figcaption className="report-chart__caption">
        <h3 id={titleId}>{title}</h3>
        <button ref={buttonRef} type="button" className="button report-chart__toggle" aria-expanded={tableShown} aria-controls={tableId} aria-keyshortcuts="T" onClick={toggle}>
          {tableShown ? "Masquer le tableau (T)" : "Voir le tableau (T)"}
        </button>
      </figcaption>
      <div className="report-chart__drawing">{chart}</div>
      <div ref={tableRef} id={tableId} className="report-chart__table" tabIndex={-1} hidden={!tableShown}>
        {table}
      </div>
    </figure>
  );
}
