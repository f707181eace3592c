// Loads @fastify/websocket's `websocketServer` decoration type.
import type {} from "@fastify/websocket";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { WebSocket } from "ws";
import type { ServerSocketMessage } from "../../shared/api/wire";

export interface AgentSockets {
  /** Sends to every open socket of this user on this process; how many it reached. */
  send(userId: string, message: ServerSocketMessage): number;
}

/**
 * The workstations' sockets (/api/v1/ws) of this process, by user, for messages meant for one person
 * (a call ringing on her phone) rather than for everyone serving a practice (pokes).
 *
 * The sockets are learnt from the WebSocket server's `connection` event, which fires after the
 * route's authentication and before its handler greets the workstation: a workstation that got its
 * `hello` is reachable. The event only gives the raw request, so each upgrade request is remembered
 * (weakly) to read its session then. Must be called before the WebSocket route is registered, for
 * the hook to apply to it.
 */
export function trackAgentSockets(app: FastifyInstance): AgentSockets {
  const upgrades = new WeakMap<IncomingMessage, FastifyRequest>();
  const byUser = new Map<string, Set<WebSocket>>();

  app.addHook("onRequest", async (request) => {
    if (request.headers.upgrade?.toLowerCase() === "websocket") upgrades.set(request.raw, request);
  });

  app.websocketServer.on("connection", (socket: WebSocket, raw: IncomingMessage) => {
    const userId = upgrades.get(raw)?.session?.user.id;
    if (!userId) return;
    let sockets = byUser.get(userId);
    if (!sockets) byUser.set(userId, (sockets = new Set()));
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && byUser.get(userId) === sockets) byUser.delete(userId);
    });
  });

  return {
    send(userId, message) {
      let reached = 0;
      const text = JSON.stringify(message);
      for (const socket of byUser.get(userId) ?? []) {
        if (socket.readyState !== WebSocket.OPEN) continue;
        socket.send(text);
        reached++;
      }
      return reached;
    },
  };
}
