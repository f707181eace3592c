import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import type { Duplex } from "node:stream";
import { ApiError, errorBodyOf } from "./apiError";
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
    writeSocketAnswer(socket, 408, "Request Timeout", "timeout", "Requête trop lente : le serveur a cessé d'attendre sa fin (en-têtes ou corps).");
  } else if (error.code === "HPE_HEADER_OVERFLOW") {
    writeSocketAnswer(socket, 431, "Request Header Fields Too Large", "too_large", "En-têtes de requête trop volumineux.");
  } else {
    writeSocketAnswer(socket, 400, "Bad Request", "invalid", "Requête HTTP mal formée.");
  }
}

/**
 * CONNECT (a proxy tunnel) reaches Node's `connect` event, not Fastify: without a listener Node
 * drops the connection without a word. This API is no proxy: 405, in the usual shape.
 */
export function registerConnectRefusal(server: Server): void {
  server.on("connect", (_request: IncomingMessage, socket: Duplex) => {
    socket.on("error", () => {});
    writeSocketAnswer(socket, 405, "Method Not Allowed", "method_not_allowed", "Méthode non autorisée : ce serveur n'est pas un mandataire (CONNECT).");
  });
}

/**
 * Requests Node would refuse on its own, in a shape of its own (an empty 417, an empty 400): an `Expect`
 * other than 100-continue gets 417 here, in the API's shape with its headers; a request without `Host`
 * (Node's own check is turned off, `requireHostHeader: false`) is refused by the hook below, through
 * the ordinary error handling.
 */
export function registerNodeRefusals(app: FastifyInstance): void {
  app.server.on("checkExpectation", (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(errorBodyOf("expectation_failed", `En-tête Expect non pris en charge : seul « 100-continue » l'est.`));
    response.writeHead(417, { ...SOCKET_ANSWER_HEADERS, "Content-Length": Buffer.byteLength(body), Connection: "close" });
    response.end(body);
    request.socket.on("error", () => {});
  });
  app.addHook("onRequest", async (request) => {
    if (!request.headers.host && request.raw.httpVersionMajor === 1 && request.raw.httpVersionMinor >= 1) {
      throw new ApiError(400, "invalid", "Requête invalide : en-tête Host manquant (obligatoire en HTTP/1.1).");
    }
  });
}

/** What every answer written outside Fastify carries, as its own answers do (securityHeaders.ts). */
const SOCKET_ANSWER_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
};

/** An answer written straight on a socket Fastify never saw, in the API's shape and headers, then the socket closed. */
export function writeSocketAnswer(socket: Duplex, status: number, reason: string, code: string, message: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(errorBodyOf(code, message)));
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${reason}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        ...Object.entries(SOCKET_ANSWER_HEADERS).map(([name, value]) => `${name}: ${value}`),
        `Content-Length: ${body.length}`,
        "Connection: close",
        "",
        "",
      ].join("\r\n"),
    );
    socket.write(body);
  }
  socket.destroy();
}
