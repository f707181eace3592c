import type { WebSocket } from "ws";
import type { RpcChannel } from "../../../shared/api/rpcProtocol";

/** The core's end of a browser-harness connection: JSON text frames, anything unparsable dropped. */
export function webSocketChannel(socket: WebSocket): RpcChannel {
  return {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const onMessage = (data: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        let message: unknown;
        try {
          message = JSON.parse(data.toString("utf8"));
        } catch {
          return;
        }
        listener(message);
      };
      socket.on("message", onMessage);
      return () => socket.off("message", onMessage);
    },
  };
}
