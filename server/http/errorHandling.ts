import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isDatabaseBusy } from "../../db/central/centralDatabase";
import { ApiError, errorBodyOf } from "./apiError";
import { DEFAULT_BODY_LIMIT_BYTES, frenchSize } from "./bodyLimits";
import { setSecurityHeaders } from "./securityHeaders";

const BUSY_MESSAGE = "Le serveur de l'agence est très sollicité : réessayez dans un instant.";
const INTERNAL_ERROR_MESSAGE = "Erreur interne du serveur : l'opération n'a pas abouti. Réessayez ; si le problème persiste, prévenez l'administrateur.";

/**
 * One shape for every refusal: `{error:{code, message}}`, French message. Bad input is always a
 * 4xx; anything unexpected is a 500 whose answer says nothing of the cause and whose log line
 * names the route and the error's kind only: an error message can quote patient data (a
 * PostgreSQL error's detail quotes the row), so it never reaches the logs.
 */
export function registerErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).headers(error.headers).send(errorBodyOf(error.code, error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = describeClientError(error, status, request);
      return reply.code(status).send(errorBodyOf(code, message));
    }
    // Every database connection was busy for too long: a moment later will do, and the client may retry.
    if (isDatabaseBusy(error)) {
      log(`Serveur occupé sur ${request.method} ${request.routeOptions.url ?? "(route inconnue)"} : plus de connexion libre à la base`);
      return reply.code(503).header("retry-after", "1").send(errorBodyOf("busy", BUSY_MESSAGE));
    }
    log(`Erreur interne sur ${request.method} ${request.routeOptions.url ?? "(route inconnue)"} : ${error.name}${error.code ? ` ${error.code}` : ""}`);
    return reply.code(500).send(errorBodyOf("internal", INTERNAL_ERROR_MESSAGE));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBodyOf("not_found", "Ressource introuvable.")));
  registerEmptyErrorFiller(app);
}

/** Fastify's own refusals (body parsing, size, media type), reworded. */
function describeClientError(error: FastifyError, status: number, request: FastifyRequest): [code: string, message: string] {
  if (status === 413) return ["too_large", `Requête trop volumineuse : ${frenchSize(request.routeOptions.bodyLimit ?? DEFAULT_BODY_LIMIT_BYTES)} au plus.`];
  if (status === 415) return ["unsupported_media_type", "Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json)."];
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return ["invalid", "Requête invalide : le corps JSON est vide."];
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) return ["invalid", "Requête invalide : le corps n'est pas du JSON valide."];
  if (error.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH") return ["invalid", "Requête invalide : la longueur annoncée (Content-Length) ne correspond pas au corps."];
  return ["invalid", "Requête invalide."];
}

/**
 * For Fastify's `frameworkErrors`: errors raised before routing (a malformed URL), same shape and
 * headers (such an answer skips the hooks), and a refused upgrade's socket closed.
 */
export function answerFrameworkError(_error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeaders(request, reply);
  // A WebSocket upgrade's socket is no longer Node's to close, and the hooks that would are skipped here.
  if ((request.raw as { upgrade?: boolean }).upgrade === true) reply.raw.once("finish", () => request.raw.socket.destroy());
  reply.code(400).send(errorBodyOf("invalid", "Requête invalide : adresse mal formée."));
}

const EMPTY_ERROR_ANSWERS: Readonly<Record<number, [code: string, message: string]>> = {
  404: ["not_found", "Ressource introuvable."],
  405: ["method_not_allowed", "Méthode non autorisée pour cette adresse."],
};

/**
 * The last guard of the error shape: an error status sent without a body (a plugin's own refusal,
 * such as @fastify/websocket's 404 to a plain GET on a WebSocket route) gets the usual
 * `{error:{code, message}}`. HEAD answers carry no body, by definition.
 */
function registerEmptyErrorFiller(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (reply.statusCode < 400 || request.method === "HEAD" || !isEmpty(payload)) return payload;
    const [code, message] = EMPTY_ERROR_ANSWERS[reply.statusCode] ?? (reply.statusCode >= 500 ? ["internal", INTERNAL_ERROR_MESSAGE] : ["invalid", "Requête refusée."]);
    reply.type("application/json; charset=utf-8");
    return JSON.stringify(errorBodyOf(code, message));
  });
}

function isEmpty(payload: unknown): boolean {
  return payload === undefined || payload === null || payload === "" || (Buffer.isBuffer(payload) && payload.length === 0);
}
