import type { RpcChannel } from "../../shared/api/rpcProtocol";

/**
 * Two connected in-memory channel ends. Messages go through structuredClone, as over a real
 * MessagePort, and are delivered asynchronously, so tests see what a real transport would give.
 */
export function channelPair(): [RpcChannel, RpcChannel] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const end = (mine: 0 | 1): RpcChannel => ({
    send(message) {
      const copy = structuredClone(message);
      queueMicrotask(() => {
        for (const listener of listeners[mine === 0 ? 1 : 0]) listener(copy);
      });
    },
    onMessage(listener) {
      listeners[mine].add(listener);
      return () => listeners[mine].delete(listener);
    },
  });
  return [end(0), end(1)];
}
