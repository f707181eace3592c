import { describe, expect, it } from "vitest";
import type { RpcChannel } from "../../shared/api/rpcProtocol";
import { deferredChannel } from "../../shared/api/deferredChannel";

function recordingTransport() {
  const sent: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  const transport: RpcChannel = {
    send: (message) => void sent.push(message),
    onMessage(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  return { transport, sent, deliver: (message: unknown) => listeners.forEach((listener) => listener(message)), listeners };
}

describe("deferredChannel", () => {
  it("keeps messages sent before the transport arrives, and sends them in order once it does", () => {
    const channel = deferredChannel();
    channel.send("premier");
    channel.send("deuxième");
    const { transport, sent } = recordingTransport();
    expect(sent).toEqual([]);
    channel.connect(transport);
    expect(sent).toEqual(["premier", "deuxième"]);
    channel.send("troisième");
    expect(sent).toEqual(["premier", "deuxième", "troisième"]);
  });

  it("delivers the transport's messages to listeners registered before it arrived", () => {
    const channel = deferredChannel();
    const received: unknown[] = [];
    channel.onMessage((message) => received.push(message));
    const { transport, deliver } = recordingTransport();
    channel.connect(transport);
    deliver("réponse");
    expect(received).toEqual(["réponse"]);
  });

  it("stops delivering to a listener that unsubscribed", () => {
    const channel = deferredChannel();
    const received: unknown[] = [];
    const unsubscribe = channel.onMessage((message) => received.push(message));
    const { transport, deliver } = recordingTransport();
    channel.connect(transport);
    unsubscribe();
    deliver("ignoré");
    expect(received).toEqual([]);
  });

  it("moves to a new transport and stops listening to the old one", () => {
    const channel = deferredChannel();
    const received: unknown[] = [];
    channel.onMessage((message) => received.push(message));
    const old = recordingTransport();
    const next = recordingTransport();
    channel.connect(old.transport);
    channel.connect(next.transport);
    expect(old.listeners.size).toBe(0);
    old.deliver("de l'ancien");
    next.deliver("du nouveau");
    channel.send("vers le nouveau");
    expect(received).toEqual(["du nouveau"]);
    expect(next.sent).toEqual(["vers le nouveau"]);
    expect(old.sent).toEqual([]);
  });
});
