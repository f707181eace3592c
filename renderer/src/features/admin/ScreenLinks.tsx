import type { UserRole } from "../../../../shared/domain/enums";
import { screenActions, useScreenStore } from "../../stores/screenStore";
import { SCREEN_LABELS, screensFor } from "./roleScreens";

/** The agency screens of the signed-in role, and the way back to the calls: nothing for a secretary. */
export function ScreenLinks({ role }: { role: UserRole }) {
  const screen = useScreenStore((state) => state.screen);
  const screens = screensFor(role);
  if (screens.length === 0) return null;
  return (
    <nav className="screen-links" aria-label="Écrans">
      {(["calls", ...screens] as const).map((target) => (
        <button key={target} type="button" className="button" aria-current={screen === target ? "page" : undefined} onClick={() => screenActions.shown(target)}>
          {SCREEN_LABELS[target]}
        </button>
      ))}
    </nav>
  );
}
