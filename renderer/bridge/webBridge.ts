import { deferredChannel } from "../../shared/api/deferredChannel";
import { createRpcClient } from "../../shared/api/rpcClient";
import type { RpcChannel } from "../../shared/api/rpcProtocol";

/**
 * Browser harness only: plays the preload's part. It puts the same `window.telesec` object on the
 * page, carried by a loopback WebSocket to the core instead of a MessagePort, so the very same
 * renderer code runs in any browser. Calls made before the socket opens wait, in order.
 */
declare const __TELESEC_RPC_TOKEN__: string;

function openSocketChannel(socket: WebSocket): RpcChannel {
  return {
    send(message) {
      if (socket.readyState !== WebSocket.OPEN) throw new Error("connexion au moteur local fermée");
      socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const onMessage = (event: MessageEvent) => {
        if (typeof event.data !== "string") return;
        try {
          listener(JSON.parse(event.data));
        } catch {
          // Not JSON: not from the core; ignored like any malformed envelope.
        }
      };
      socket.addEventListener("message", onMessage);
      return () => socket.removeEventListener("message", onMessage);
    },
  };
}

const channel = deferredChannel();
const socket = new WebSocket(`ws://${location.host}/__telesec/rpc?token=${encodeURIComponent(__TELESEC_RPC_TOKEN__)}`);
socket.addEventListener("open", () => channel.connect(openSocketChannel(socket)));
Object.defineProperty(window, "telesec", { value: Object.freeze(createRpcClient(channel)), writable: false });
