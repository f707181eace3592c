import type { Server } from "node:http";
import type { Socket } from "node:net";
import { writeSocketAnswer } from "../http/clientErrors";

/** How many connections one address may hold open before any request on them has shown credentials. */
export const UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS = 128;

const RELEASE = Symbol("telesec.unauthenticatedSlot");
type CountedSocket = Socket & { [RELEASE]?: () => void };

/**
 * Caps the connections an address holds without having authenticated on them: a client that opens
 * connection after connection and never finishes a request (or never shows a token) cannot take the
 * server's sockets. A connection counts from its opening until a request on it authenticates (a
 * workstation's token, a PBX's secret) or it closes; past the cap, a new one is answered 429 at once.
 * Agencies behind one NAT address open many: the cap is far above what they need at once. Behind a
 * reverse proxy every connection comes from the proxy: the proxy caps per client, not this.
 */
export function capUnauthenticatedConnections(server: Server, limit = UNAUTHENTICATED_CONNECTIONS_PER_ADDRESS) {
  const open = new Map<string, number>();
  server.on("connection", (socket: CountedSocket) => {
    const address = socket.remoteAddress ?? "";
    const count = open.get(address) ?? 0;
    if (count >= limit) {
      socket.on("error", () => {});
      writeSocketAnswer(socket, 429, "Too Many Requests", "rate_limited", "Trop de connexions sans authentification depuis cette adresse : réessayez dans un instant.", {
        "Retry-After": "1",
      });
      return;
    }
    open.set(address, count + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    };
    socket[RELEASE] = release;
    socket.once("close", release);
  });
}

/** A request on this connection showed valid credentials: the connection no longer counts against its address. */
export function markAuthenticated(socket: Socket): void {
  (socket as CountedSocket)[RELEASE]?.();
}
