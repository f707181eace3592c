import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { useCallbacksStore } from "../../stores/callbacksStore";
import { CALLBACKS_PANE_ID, toggleCallbacksPane } from "./callbacksPaneToggle";

/** Always in the header: how many callbacks are open, how many overdue; opens the queue. */
export function CallbacksButton() {
  const openCount = useCallbacksStore((state) => state.openCount);
  const overdueCount = useCallbacksStore((state) => state.overdueCount);
  const paneOpen = useCallbacksStore((state) => state.paneOpen);
  const overdue = overdueCount > 0 ? `, dont ${overdueCount} en retard` : "";
  return (
    <button
      id={FOCUS_TARGETS.callbacksButton}
      type="button"
      className={overdueCount > 0 ? "button button--urgent" : "button"}
      aria-expanded={paneOpen}
      aria-controls={paneOpen ? CALLBACKS_PANE_ID : undefined}
      aria-keyshortcuts={shortcutKeys("callbacks")}
      aria-label={`À rappeler : ${openCount}${overdue}`}
      onClick={toggleCallbacksPane}
    >
      À rappeler <span className="badge">{openCount}</span>
      {overdueCount > 0 && <span className="visually-hidden">{overdue}</span>}
    </button>
  );
}
