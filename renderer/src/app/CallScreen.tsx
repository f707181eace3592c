import { AgendaPane } from "../features/agenda/AgendaPane";
import { CallHeader } from "../features/call/CallHeader";
import { DirectivesPane } from "../features/directives/DirectivesPane";
import { PracticePane } from "../features/practice/PracticePane";
import { ConflictInbox } from "../features/sync/ConflictInbox";
import { useSyncFollowing } from "../features/sync/useSyncFollowing";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";

/** The working screen: the call bar on top, the conflict inbox when opened, then the three panes side by side. */
export function CallScreen() {
  useKeyboardShortcuts();
  useSyncFollowing();
  return (
    <div className="call-screen">
      <CallHeader />
      <ConflictInbox />
      <main className="panes" aria-label="Appel en cours">
        <PracticePane />
        <DirectivesPane />
        <AgendaPane />
      </main>
    </div>
  );
}
