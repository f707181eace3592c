import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { messagePortChannel } from "../../shared/api/messagePortChannel";
import { electronLikePort, nextMessage } from "./electronLikePort";

describe("messagePortChannel", () => {
  const opened: MessageChannel[] = [];
  const open = () => {
    const channel = new MessageChannel();
    opened.push(channel);
    return channel;
  };
  afterEach(() => {
    for (const { port1, port2 } of opened.splice(0)) {
      port1.close();
      port2.close();
    }
  });

  it("sends messages to the other end, as structured copies", async () => {
    const { port1, port2 } = open();
    const channel = messagePortChannel(electronLikePort(port1));
    const message = { type: "response", id: 1, ok: true, output: { when: "2025-01-12" } };
    const received = nextMessage(port2);
    channel.send(message);
    expect(await received).toEqual(message);
    expect(await received).not.toBe(message);
  });

  it("delivers what the other end sends to every listener", async () => {
    const { port1, port2 } = open();
    const channel = messagePortChannel(electronLikePort(port1));
    const first: unknown[] = [];
    const both = new Promise<unknown>((resolve) => channel.onMessage(resolve));
    channel.onMessage((message) => first.push(message));
    port2.postMessage({ type: "request", id: 0, method: "workstation.status", input: {} });
    expect(await both).toEqual({ type: "request", id: 0, method: "workstation.status", input: {} });
    expect(first).toEqual([{ type: "request", id: 0, method: "workstation.status", input: {} }]);
  });

  it("starts the port once someone listens, so messages sent earlier are not lost", async () => {
    const { port1, port2 } = open();
    const port = electronLikePort(port1);
    const channel = messagePortChannel(port);
    port2.postMessage("envoyé avant l'écoute");
    expect(port.start).not.toHaveBeenCalled();
    const received = new Promise((resolve) => channel.onMessage(resolve));
    channel.onMessage(() => {});
    expect(port.start).toHaveBeenCalledOnce();
    expect(await received).toBe("envoyé avant l'écoute");
  });

  it("stops delivering to a listener that unsubscribed", async () => {
    const { port1, port2 } = open();
    const channel = messagePortChannel(electronLikePort(port1));
    const dropped: unknown[] = [];
    const unsubscribe = channel.onMessage((message) => dropped.push(message));
    const kept = new Promise((resolve) => channel.onMessage(resolve));
    unsubscribe();
    port2.postMessage("après désabonnement");
    expect(await kept).toBe("après désabonnement");
    expect(dropped).toEqual([]);
  });
});
