import { createConnection, createServer, type Socket } from "node:net";

/**
 * A TCP relay between a workstation and the server that a test can cut and restore: the network
 * going down and coming back, in user space (this kernel has no netem). Cut, it drops every open
 * connection and refuses new ones at once, as an unplugged cable seen from the workstation would.
 */
export interface CuttableLink {
  /** The server's address as the workstation must use it: through the relay. */
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableLink(serverUrl: string): Promise<CuttableLink> {
  const target = new URL(serverUrl);
  const sockets = new Set<Socket>();
  let up = true;

  const relay = createServer((incoming) => {
    if (!up) {
      incoming.destroy();
      return;
    }
    const outgoing = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const address = relay.address();
  if (address === null || typeof address === "string") throw new Error("relais sans port");

  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      up = false;
      dropAll();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        relay.close(() => resolve());
      }),
  };
}
