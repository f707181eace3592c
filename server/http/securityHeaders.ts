import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Two years, subdomains included: the server is only ever reached over TLS once it has been. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The API answers JSON only, never a page: nothing may load, run, submit or frame from it, even if a
 * browser were fooled into rendering an answer.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * The portal's page (`/portail/`): its own scripts, styles and API only; images from itself or data: (the
 * QR code of a first sign-in); no inline script, no frame, no form posted elsewhere.
 */
export const PORTAL_PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries (errors and 404s included). The API answers JSON only, so a browser
 * is told not to sniff it into something else, not to frame or embed it elsewhere, and not to leak
 * the address; every answer may hold patient data (or say whether the database is up), so no cache,
 * browser or proxy, keeps any. Over TLS — a TLS socket, or `X-Forwarded-Proto: https` from the
 * reverse proxy the server was told to trust — browsers are told to use nothing but HTTPS. Fastify
 * sends no `X-Powered-By` (tests/server/securityHeaders.test.ts keeps it so).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    setSecurityHeaders(request, reply);
    return payload;
  });
}

/** The headers themselves; also set by answers that skip the hooks (frameworkErrors). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("X-Content-Type-Options", "nosniff");
  reply.header("Referrer-Policy", "no-referrer");
  reply.header("X-Frame-Options", "DENY");
  // The portal's page sets its own policy; everything else is the API's.
  if (!reply.hasHeader("Content-Security-Policy")) reply.header("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  reply.header("Cross-Origin-Resource-Policy", "same-origin");
  reply.header("Cache-Control", "no-store");
  if (request.protocol === "https") reply.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
}
