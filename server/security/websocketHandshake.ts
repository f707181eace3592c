import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "../http/apiError";

const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const PROTOCOL_LIST = new RegExp(`^${TOKEN}(?:[ \\t]*,[ \\t]*${TOKEN})*$`);

/**
 * Checks a WebSocket upgrade before anything else (authentication, the socket handler): only a
 * WebSocket route takes one, and its headers must pass `ws`'s rules. A refusal is a 400
 * `{error:{code:"invalid"}}` in French like any bad request — not `ws`'s bare English text, and not
 * the handshake @fastify/websocket would otherwise complete on any route before closing it.
 * Register before the routes.
 */
export function registerWebSocketHandshakeCheck(app: FastifyInstance): void {
  const websocketRoutes = new Set<string>();
  app.addHook("onRoute", (route) => {
    if (route.websocket) websocketRoutes.add(route.url);
  });
  app.addHook("onRequest", async (request) => {
    // Node's own flag (absent from its types): the request came as an upgrade, to be handed to `ws`.
    if ((request.raw as { upgrade?: boolean }).upgrade !== true) return;
    // No route: the not-found handler answers 404.
    if (request.routeOptions.url === undefined) return;
    if (!websocketRoutes.has(request.routeOptions.url)) {
      throw new ApiError(400, "invalid", "Requête invalide : cette adresse n'accepte pas de connexion WebSocket.");
    }
    const problem = handshakeProblem(request);
    if (problem) throw new ApiError(400, "invalid", `Requête invalide : ${problem}`, problem.includes("Version") ? { "Sec-WebSocket-Version": "13" } : {});
  });
}

function handshakeProblem({ headers }: FastifyRequest): string | null {
  if (String(headers.upgrade).toLowerCase() !== "websocket") return "seule la montée en protocole WebSocket est acceptée (Upgrade: websocket).";
  const key = headers["sec-websocket-key"];
  if (typeof key !== "string" || !WEBSOCKET_KEY.test(key)) return "en-tête Sec-WebSocket-Key absent ou mal formé.";
  const version = Number(headers["sec-websocket-version"]);
  if (version !== 13 && version !== 8) return "en-tête Sec-WebSocket-Version absent ou non pris en charge (13 attendu).";
  const protocols = headers["sec-websocket-protocol"];
  if (protocols !== undefined) {
    const names = String(protocols).split(",").map((name) => name.trim());
    if (!PROTOCOL_LIST.test(String(protocols)) || new Set(names).size !== names.length) return "en-tête Sec-WebSocket-Protocol mal formé.";
  }
  return null;
}
