import { AgendaPane } from "../features/agenda/AgendaPane";
import { CallHeader } from "../features/call/CallHeader";
import { DirectivesPane } from "../features/directives/DirectivesPane";
import { PracticePane } from "../features/practice/PracticePane";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";

/** The working screen: the call bar on top, then the three panes side by side. */
export function CallScreen() {
  useKeyboardShortcuts();
  return (
    <div className="call-screen">
      <CallHeader />
      <main className="panes" aria-label="Appel en cours">
        <PracticePane />
        <DirectivesPane />
        <AgendaPane />
      </main>
    </div>
  );
}
