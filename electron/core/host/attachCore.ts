import { events, type EventName } from "../../../shared/api/contract";
import type { RpcChannel } from "../../../shared/api/rpcProtocol";
import { serveRpc } from "../rpc/rpcServer";
import type { Workstation } from "../workstation";

/**
 * Connects one renderer (through any transport) to the workstation: requests go to the handlers,
 * every event of the contract (store and sync status, telephony) goes out as it happens. Returns
 * the function that disconnects it.
 */
export function attachCore(channel: RpcChannel, workstation: Workstation, log?: (line: string) => void): () => void {
  const server = serveRpc(channel, workstation.handlers, log);
  const forward = <E extends EventName>(event: E) => workstation.on(event, (payload) => server.emit(event, payload));
  const stops = (Object.keys(events) as EventName[]).map((event) => forward(event));
  return () => {
    for (const stop of stops) stop();
    server.close();
  };
}
