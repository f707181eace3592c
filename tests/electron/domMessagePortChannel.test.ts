import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { domMessagePortChannel, type WebMessagePort } from "../../electron/preload/domMessagePortChannel";
import { nextMessage } from "./electronLikePort";

describe("domMessagePortChannel", () => {
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

  // Node's MessagePort is also an EventTarget with the web's addEventListener('message') API.
  const webPort = (port: MessageChannel["port1"]) => port as unknown as WebMessagePort;

  it("sends to and receives from the other end", async () => {
    const { port1, port2 } = open();
    const channel = domMessagePortChannel(webPort(port1));
    const received = new Promise((resolve) => channel.onMessage(resolve));
    const echoed = nextMessage(port2);
    channel.send({ type: "request", id: 3, method: "practices.list", input: {} });
    expect(await echoed).toEqual({ type: "request", id: 3, method: "practices.list", input: {} });
    port2.postMessage({ type: "event", name: "workstation.status", payload: { state: "ready" } });
    expect(await received).toEqual({ type: "event", name: "workstation.status", payload: { state: "ready" } });
  });

  it("starts the port on the first listener only", () => {
    const port = { postMessage: vi.fn(), addEventListener: vi.fn(), start: vi.fn() };
    const channel = domMessagePortChannel(port);
    expect(port.start).not.toHaveBeenCalled();
    channel.onMessage(() => {});
    channel.onMessage(() => {});
    expect(port.start).toHaveBeenCalledOnce();
  });

  it("stops delivering to a listener that unsubscribed", () => {
    let deliver: (event: { data: unknown }) => void = () => {};
    const port = {
      postMessage: vi.fn(),
      addEventListener: (_type: "message", listener: (event: { data: unknown }) => void) => {
        deliver = listener;
      },
      start: vi.fn(),
    };
    const channel = domMessagePortChannel(port);
    const received: unknown[] = [];
    const unsubscribe = channel.onMessage((message) => received.push(message));
    deliver({ data: 1 });
    unsubscribe();
    deliver({ data: 2 });
    expect(received).toEqual([1]);
  });
});
