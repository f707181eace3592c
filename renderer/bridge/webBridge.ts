import { createRpcClient } from "../../shared/api/rpcClient";
import type { RpcChannel } from "../../shared/api/rpcProtocol";

/**
 * Browser harness only: plays the preload's part. It puts the same `window.telesec` object on the
 * page, carried by a loopback WebSocket to the core instead of a MessagePort, so the very same
 * renderer code runs in any browser.
 */
declare const __TELESEC_RPC_TOKEN__: string;

function webSocketChannel(url: string): RpcChannel {
  const socket = new WebSocket(url);
  const queued: string[] = [];
  const listeners = new Set<(message: unknown) => void>();
  socket.addEventListener("open", () => {
    for (const text of queued.splice(0)) socket.send(text);
  });
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") return;
    let message: unknown;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    for (const listener of listeners) listener(message);
  });
  return {
    send(message) {
      const text = JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else if (socket.readyState === WebSocket.CONNECTING) queued.push(text);
      else throw new Error("connexion au moteur local fermée");
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const url = `ws://${location.host}/__telesec/rpc?token=${encodeURIComponent(__TELESEC_RPC_TOKEN__)}`;
Object.defineProperty(window, "telesec", { value: Object.freeze(createRpcClient(webSocketChannel(url))), writable: false });
