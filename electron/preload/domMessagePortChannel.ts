import type { RpcChannel } from "../../shared/api/rpcProtocol";

/**
 * The shape of a web MessagePort (what the preload receives from main), declared here so this
 * module needs no DOM typings and can be tested with Node's own MessagePort.
 */
export interface WebMessagePort {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  start(): void;
}

/** An RpcChannel over a web MessagePort. */
export function domMessagePortChannel(port: WebMessagePort): RpcChannel {
  const listeners = new Set<(message: unknown) => void>();
  let started = false;

  port.addEventListener("message", (event) => {
    for (const listener of [...listeners]) listener(event.data);
  });

  return {
    send(message) {
      port.postMessage(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      // A port fed through addEventListener delivers nothing until started; starting once someone listens loses nothing.
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
