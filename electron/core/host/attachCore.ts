import type { RpcChannel } from "../../../shared/api/rpcProtocol";
import { serveRpc } from "../rpc/rpcServer";
import type { Workstation } from "../workstation";

/**
 * Connects one renderer (through any transport) to the workstation: requests go to the handlers,
 * status changes go out as events. Returns the function that disconnects it.
 */
export function attachCore(channel: RpcChannel, workstation: Workstation, log?: (line: string) => void): () => void {
  const server = serveRpc(channel, workstation.handlers, log);
  const stopStatus = workstation.on("workstation.status", (status) => server.emit("workstation.status", status));
  const stopSync = workstation.on("sync.status", (status) => server.emit("sync.status", status));
  return () => {
    stopStatus();
    stopSync();
    server.close();
  };
}
