import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, errorBodyOf } from "./apiError";

export const BODY_LIMIT_BYTES = 1024 * 1024;

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
      const [code, message] = describeClientError(error, status);
      return reply.code(status).send(errorBodyOf(code, message));
    }
    log(`Erreur interne sur ${request.method} ${request.routeOptions.url ?? "(route inconnue)"} : ${error.name}${error.code ? ` ${error.code}` : ""}`);
    return reply.code(500).send(errorBodyOf("internal", INTERNAL_ERROR_MESSAGE));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBodyOf("not_found", "Ressource introuvable.")));
}

/** Fastify's own refusals (body parsing, size, media type), reworded. */
function describeClientError(error: FastifyError, status: number): [code: string, message: string] {
  if (status === 413) return ["too_large", `Requête trop volumineuse : ${BODY_LIMIT_BYTES / 1024 / 1024} Mio au plus.`];
  if (status === 415) return ["unsupported_media_type", "Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json)."];
  if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") return ["invalid", "Requête invalide : le corps JSON est vide."];
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError) return ["invalid", "Requête invalide : le corps n'est pas du JSON valide."];
  return ["invalid", "Requête invalide."];
}

/** For Fastify's `frameworkErrors`: errors raised before routing (a malformed URL), same shape. */
export function answerFrameworkError(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.code(400).send(errorBodyOf("invalid", "Requête invalide : adresse mal formée."));
}
