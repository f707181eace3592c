import type { FastifyInstance } from "fastify";
import { ApiError } from "./apiError";

/**
 * JSON bodies, parsed by Fastify's own parser (which refuses `__proto__` and `constructor.prototype`
 * keys: no prototype pollution), then refused whole if any key or string holds a NUL character.
 * PostgreSQL's text cannot store U+0000: such a string would otherwise reach the database and fail
 * there, as a 500, after part of the request's work.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(isPlainJson(body as string) ? forbiddenKeys() : error, undefined);
      if (holdsNul(value)) return done(new ApiError(400, "invalid", "Requête invalide : le caractère nul (U+0000) est interdit dans le texte."), undefined);
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

/** Walks the value without recursion: a body may be nested thousands of levels deep. */
export function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (current.includes("\u0000")) return true;
    } else if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
    } else if (typeof current === "object" && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes("\u0000")) return true;
        pending.push(item);
      }
    }
  }
  return false;
}
