import { useEffect, useId, useRef, type KeyboardEvent } from "react";
import { EnumOptions } from "../../app/EnumOptions";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { isTextField } from "../../app/shortcuts";
import { CALLBACK_KIND_LABELS } from "../../../../shared/domain/callbacks";
import { CALLBACK_KINDS, type CallbackKind } from "../../../../shared/domain/enums";
import { SubmissionNotices } from "../../app/SubmissionNotices";
import { callbacksActions, useCallbacksStore } from "../../stores/callbacksStore";
import { usePracticesStore } from "../../stores/practicesStore";
import { valueOr } from "../../stores/loadable";
import { loadCallbacks } from "./callbackCommands";
import { CallbackItem } from "./CallbackItem";
import { CALLBACKS_PANE_ID, closeCallbacksPane } from "./callbacksPaneToggle";

/**
 * ↓ and ↑ go from one callback to the next (to its first button, or the item): the queue is read from the keyboard
 * without tabbing through every button of every item. From the filters, ↓ goes to the first.
 */
function moveBetweenItems(pane: HTMLElement, step: 1 | -1): boolean {
  const items = [...pane.querySelectorAll<HTMLElement>("li.callback")];
  const current = items.findIndex((item) => item.contains(document.activeElement));
  const next = items[current === -1 ? (step === 1 ? 0 : -1) : current + step];
  // One held by somebody else offers no button: the item itself, read by its name and who holds it.
  const target = next?.querySelector<HTMLElement>("button") ?? next;
  if (!target) return false;
  target.focus();
  return true;
}

/** The « À rappeler » queue, when opened (Alt+T): soonest due first, filtered by practice, kind or « les miens ». */
export function CallbacksPane() {
  const open = useCallbacksStore((state) => state.paneOpen);
  return open ? <OpenCallbacksPane /> : null;
}

function OpenCallbacksPane() {
  const callbacks = useCallbacksStore((state) => state.callbacks);
  const filters = useCallbacksStore((state) => state.filters);
  const failure = useCallbacksStore((state) => state.actionFailure);
  const practices = usePracticesStore((state) => valueOr(state.practices, []));
  const title = useRef<HTMLHeadingElement>(null);
  const id = useId();

  useEffect(() => title.current?.focus(), []);
  useEffect(() => {
    void loadCallbacks();
  }, [filters]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key === "Escape") closeCallbacksPane();
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !isTextField(document.activeElement) && moveBetweenItems(event.currentTarget, event.key === "ArrowDown" ? 1 : -1)) event.preventDefault();
  }

  return (
    <section id={CALLBACKS_PANE_ID} className="callbacks-pane" aria-labelledby={FOCUS_TARGETS.callbacksTitle} onKeyDown={onKeyDown}>
      <div className="callbacks-pane__header">
        <h2 id={FOCUS_TARGETS.callbacksTitle} ref={title} tabIndex={-1}>
          À rappeler
        </h2>
        <div className="callbacks-pane__filters" role="group" aria-label="Filtres des rappels">
          <label htmlFor={`${id}-cabinet`}>Cabinet</label>
          <select id={`${id}-cabinet`} value={filters.practiceId} onChange={(event) => callbacksActions.filtered({ practiceId: event.target.value })}>
            <option value="">Tous</option>
            {practices.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-motif`}>Motif</label>
          <select id={`${id}-motif`} value={filters.kind} onChange={(event) => callbacksActions.filtered({ kind: event.target.value as CallbackKind | "" })}>
            <option value="">Tous</option>
            <EnumOptions values={CALLBACK_KINDS} labels={CALLBACK_KIND_LABELS} />
          </select>
          <label>
            <input type="checkbox" checked={filters.mine} onChange={(event) => callbacksActions.filtered({ mine: event.target.checked })} /> Les miens
          </label>
        </div>
        <button type="button" className="button" aria-label="Fermer la liste à rappeler" onClick={closeCallbacksPane}>
          Fermer
        </button>
      </div>
      <SubmissionNotices failure={failure} />
      {callbacks.status === "failed" && (
        <p className="notice notice--error" role="alert">
          Liste indisponible&nbsp;: {callbacks.message}
        </p>
      )}
      {callbacks.status === "ready" && callbacks.value.length === 0 && <p className="muted">Personne à rappeler.</p>}
      {callbacks.status === "ready" && callbacks.value.length > 0 && (
        <ul className="callbacks-pane__list" aria-label="Rappels, le plus pressé en premier">
          {callbacks.value.map((callback) => (
            <CallbackItem key={callback.id} callback={callback} />
          ))}
        </ul>
      )}
    </section>
  );
}
