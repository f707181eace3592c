import type { RpcChannel } from "./rpcProtocol";

/**
 * The shape of Electron's MessagePortMain (the core's end) and, adapted, of the preload's web
 * MessagePort. Declared here because neither the core nor shared/ imports electron; any port
 * with this shape (or a test double) fits.
 */
export interface EventedMessagePort {
  postMessage(message: unknown): void;
  on(event: "message", listener: (event: { data: unknown }) => void): unknown;
  start(): void;
}

/** An RpcChannel over one end of a message channel. */
export function messagePortChannel(port: EventedMessagePort): RpcChannel {
  const listeners = new Set<(message: unknown) => void>();
  let started = false;

  const dispatch = (event: { data: unknown }) => {
    for (const listener of [...listeners]) listener(event.data);
  };
  port.on("message", dispatch);

  return {
    send(message) {
      port.postMessage(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      // The port queues messages until started; starting only once someone listens loses none.
      if (!started) {
        started = true;
        port.start();
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
