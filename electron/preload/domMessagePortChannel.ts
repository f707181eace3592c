import { messagePortChannel } from "../../shared/api/messagePortChannel";
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

/** An RpcChannel over a web MessagePort: the same channel as the core's, the port seen through `on`. */
export function domMessagePortChannel(port: WebMessagePort): RpcChannel {
  return messagePortChannel({
    postMessage: (message) => port.postMessage(message),
    on: (_event, listener) => port.addEventListener("message", listener),
    start: () => port.start(),
  });
}
