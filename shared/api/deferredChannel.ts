import type { RpcChannel } from "./rpcProtocol";

/** An RpcChannel usable at once, whose transport arrives later (the MessagePort main sends after load). */
export interface DeferredChannel extends RpcChannel {
  /** Plugs in the real transport: queued messages go out in order, listeners move over. */
  connect(transport: RpcChannel): void;
}

/**
 * The page may call `window.telesec` before main has handed over the port; those calls are kept
 * in order and sent as soon as it arrives instead of failing. A later `connect` (a new port)
 * replaces the previous transport.
 */
export function deferredChannel(): DeferredChannel {
  const queue: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  let transport: RpcChannel | null = null;
  let detachTransport: (() => void) | null = null;

  const dispatch = (message: unknown) => {
    for (const listener of [...listeners]) listener(message);
  };

  return {
    send(message) {
      if (transport) transport.send(message);
      else queue.push(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    connect(next) {
      detachTransport?.();
      transport = next;
      detachTransport = next.onMessage(dispatch);
      for (const message of queue.splice(0)) next.send(message);
    },
  };
}
