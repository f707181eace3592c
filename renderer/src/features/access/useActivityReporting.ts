import { useEffect } from "react";
import { telesec } from "../../services/telesec";
import { lockActions } from "../../stores/lockStore";
import { createActivityReporter } from "./activityReporter";

const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart"] as const;

/**
 * While the session is open, tells the core the secretary is there (keyboard, mouse, touch), at
 * most every 30 s, so the auto-lock counts from her last activity. The core's answer may say the
 * session locked meanwhile; the screen then follows.
 */
export function useActivityReporting(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const reporter = createActivityReporter(() => {
      telesec.reportActivity().then(
        (status) => {
          if (status.state === "locked") lockActions.received(status);
        },
        () => {},
      );
    });
    const options = { capture: true, passive: true } as const;
    for (const event of ACTIVITY_EVENTS) document.addEventListener(event, reporter.noticed, options);
    return () => {
      for (const event of ACTIVITY_EVENTS) document.removeEventListener(event, reporter.noticed, options);
      reporter.stop();
    };
  }, [enabled]);
}
