import { ConflictsButton } from "./ConflictsButton";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { SessionControls } from "./SessionControls";
import { SyncProblem } from "./SyncProblem";

/** The header's corner about the agency server: the connection, refused requests, the session. */
export function SyncBar() {
  return (
    <div className="sync-bar">
      <ConnectionIndicator />
      <ConflictsButton />
      <SessionControls />
      <SyncProblem />
    </div>
  );
}
