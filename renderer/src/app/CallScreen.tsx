import { AdministrationScreen } from "../features/admin/AdministrationScreen";
import { StatisticsScreen } from "../features/admin/StatisticsScreen";
import { ReportsScreen } from "../features/reports/ReportsScreen";
import { useShownScreen } from "../features/admin/useShownScreen";
import { AgendaPane } from "../features/agenda/AgendaPane";
import { useAgendaFollowingReplica } from "../features/agenda/useAgendaFollowingReplica";
import { CallBanner } from "../features/call/CallBanner";
import { CallDialogs } from "../features/call/CallDialogs";
import { CallHeader } from "../features/call/CallHeader";
import { usePanesFollowingReplica } from "../features/call/usePanesFollowingReplica";
import { DirectivesPane } from "../features/directives/DirectivesPane";
import { PracticePane } from "../features/practice/PracticePane";
import { ConflictInbox } from "../features/sync/ConflictInbox";
import { RefusedChanges } from "../features/sync/RefusedChanges";
import { useAwaitedChanges } from "../features/sync/useAwaitedChanges";
import { useSyncFollowing } from "../features/sync/useSyncFollowing";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts";
import { CallbacksPane } from "../features/callbacks/CallbacksPane";
import { CallbackContext } from "../features/callbacks/CallbackContext";
import { useCallbacksFollowing } from "../features/callbacks/useCallbacksFollowing";

/**
 * The working screen: the call bar on top, the current call's banner, the conflict inbox when
 * opened, then the three panes side by side; the call's dialogs over it all. Shown only while the
 * session is not locked (features/access/AccessGate, which also follows the PBX events).
 */
export function CallScreen() {
  useKeyboardShortcuts();
  useSyncFollowing();
  useAwaitedChanges();
  useAgendaFollowingReplica();
  usePanesFollowingReplica();
  useCallbacksFollowing();
  const screen = useShownScreen();
  return (
    <div className="call-screen">
      <CallHeader />
      <CallBanner />
      <RefusedChanges />
      <ConflictInbox />
      <CallbacksPane />
      {screen === "calls" && <CallbackContext />}
      {screen === "administration" && <AdministrationScreen />}
      {screen === "reports" && <ReportsScreen />}
      {screen === "statistics" && <StatisticsScreen />}
      {screen === "calls" && (
        <main className="panes" aria-label="Espace de travail">
          <PracticePane />
          <DirectivesPane />
          <AgendaPane />
        </main>
      )}
      <CallDialogs />
    </div>
  );
}
