import type { FastifyInstance } from "fastify";
import { holdsNul } from "../../shared/domain/textSafety";
import { ApiError } from "./apiError";

/**
 * JSON bodies, parsed by Fastify's own parser (which refuses `__proto__` and `constructor.prototype`
 * keys: no prototype pollution), then refused whole if any key or string holds a NUL character.
 * PostgreSQL's text cannot store U+0000: such a string would otherwise reach the database and fail
 * there, as a 500, after part of the request's work. A route whose config says
 * `nulCheckedPerMutation` (the push) checks each mutation itself: one bad mutation is refused alone,
 * instead of the whole push, which the workstation would otherwise retry for ever.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(isPlainJson(body as string) ? forbiddenKeys() : error, undefined);
      if (!request.routeOptions.config.nulCheckedPerMutation && holdsNul(value)) return done(new ApiError(400, "invalid", "Requête invalide : le caractère nul (U+0000) est interdit dans le texte."), undefined);
      done(null, value);
    });
  });
}

const forbiddenKeys = () => new ApiError(400, "invalid", "Requête invalide : les clés « __proto__ » et « constructor.prototype » sont interdites.");

/** JSON that Fastify refused all the same: for its prototype keys (its own error does not say). */
function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return text.trim() !== "";
  } catch {
    return false;
  }
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route refuses NUL characters mutation by mutation (shared/sync/mutations.ts), not the whole body. */
    nulCheckedPerMutation?: boolean;
  }
}
