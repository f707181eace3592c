import type { FastifyInstance } from "fastify";

/**
 * Headers every answer carries. The API answers JSON only, so a browser is told not to sniff it
 * into something else, not to frame it, and not to leak the address elsewhere; answers under
 * /api may hold patient data, so no cache (browser or proxy) keeps them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("X-Frame-Options", "DENY");
    reply.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (request.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
    return payload;
  });
}
