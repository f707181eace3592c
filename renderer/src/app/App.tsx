import { isBridgeAvailable } from "../services/telesec";
import { BridgeMissingScreen } from "./BridgeMissingScreen";
import { WorkstationGate } from "./WorkstationGate";

export function App() {
  return isBridgeAvailable() ? <WorkstationGate /> : <BridgeMissingScreen />;
}
