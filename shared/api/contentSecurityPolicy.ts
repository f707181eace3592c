/**
 * The page may only run the app's own scripts and talk to its own origin: the renderer has no
 * business with the network (the core does the syncing), so an injected script has nowhere to send
 * patient data. Inline styles are allowed because FullCalendar injects its own.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'none'"],
};

/**
 * The policy as a header value. The browser harness adds its one loopback WebSocket to
 * `connect-src`; the Electron app adds nothing.
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
    .map(([directive, sources]) => {
      const all = directive === "connect-src" ? [...sources, ...extraConnectSources] : sources;
      return `${directive} ${all.join(" ")}`;
    })
    .join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers sent with every response that serves the renderer, errors included. */
export function rendererSecurityHeaders(extraConnectSources: readonly string[] = []): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(extraConnectSources),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = rendererSecurityHeaders();
