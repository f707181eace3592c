/**
 * The renderer is served from its own privileged origin, app://telesec, never from file://:
 * a real origin gives the page a same-origin policy and a CSP, and gives main one thing to trust.
 */
export const APP_SCHEME = "app";
export const APP_HOST = "telesec";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard (relative URLs, origin), secure (like https), fetch allowed. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** True only for a URL of the app's own origin. Anything unparsable is untrusted. */
export function isAppOriginUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === "" && parsed.password === "";
}

/**
 * Whether an IPC message (or a port hand-over) may be answered: only pages of the app's origin.
 * Every ipcMain handler checks `event.senderFrame?.url` with this before doing anything.
 */
export function isTrustedSenderUrl(url: string | null | undefined): boolean {
  return typeof url === "string" && isAppOriginUrl(url);
}
