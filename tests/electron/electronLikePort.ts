import type { MessagePort as NodeMessagePort } from "node:worker_threads";
import { vi } from "vitest";
import type { RendererPort } from "../../electron/core/host/utilityProcessEntry";

/**
 * Node's MessagePort dressed as Electron's MessagePortMain: listeners receive `{ data }`, and
 * nothing is delivered until start() — as in Electron, where a forgotten start() loses every message.
 */
export function electronLikePort(port: NodeMessagePort) {
  const messageListeners = new Set<(event: { data: unknown }) => void>();
  const wrapped = {
    postMessage: vi.fn((message: unknown) => port.postMessage(message)),
    on(event: "message" | "close", listener: ((event: { data: unknown }) => void) | (() => void)) {
      if (event === "message") messageListeners.add(listener as (event: { data: unknown }) => void);
      else port.on("close", listener as () => void);
      return wrapped;
    },
    start: vi.fn(() => {
      port.on("message", (data: unknown) => {
        for (const listener of messageListeners) listener({ data });
      });
    }),
    close: () => port.close(),
  };
  return wrapped satisfies RendererPort;
}

/** The next message a Node port receives. */
export function nextMessage(port: NodeMessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once("message", resolve));
}
