import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { errorBodyOf } from "./apiError";
import { API_CONTENT_SECURITY_POLICY } from "./securityHeaders";

/**
 * For Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses before Fastify sees them
 * (a malformed request line or header, headers over 16 KiB, a client too slow to send them) are
 * answered in the API's shape, `{error:{code, message}}` in French, with the usual headers —
 * Fastify's default answers in English, in another shape.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    answerOnSocket(socket, 408, "Request Timeout", "timeout", "Requête trop lente : le serveur a cessé d'attendre la fin de ses en-têtes.");
  } else if (error.code === "HPE_HEADER_OVERFLOW") {
    answerOnSocket(socket, 431, "Request Header Fields Too Large", "too_large", "En-têtes de requête trop volumineux.");
  } else {
    answerOnSocket(socket, 400, "Bad Request", "invalid", "Requête HTTP mal formée.");
  }
}

/**
 * CONNECT (a proxy tunnel) reaches Node's `connect` event, not Fastify: without a listener Node
 * drops the connection without a word. This API is no proxy: 405, in the usual shape.
 */
export function registerConnectRefusal(server: Server): void {
  server.on("connect", (_request: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => {});
    answerOnSocket(socket, 405, "Method Not Allowed", "method_not_allowed", "Méthode non autorisée : ce serveur n'est pas un mandataire (CONNECT).");
  });
}

function answerOnSocket(socket: Duplex, status: number, reason: string, code: string, message: string): void {
  const body = Buffer.from(JSON.stringify(errorBodyOf(code, message)));
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${reason}`,
        "Content-Type: application/json; charset=utf-8",
        `Content-Length: ${body.length}`,
        "Cache-Control: no-store",
        "X-Content-Type-Options: nosniff",
        `Content-Security-Policy: ${API_CONTENT_SECURITY_POLICY}`,
        "Connection: close",
        "",
        "",
      ].join("\r\n"),
    );
    socket.write(body);
  }
  socket.destroy();
}
