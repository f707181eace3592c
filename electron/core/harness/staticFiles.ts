import { extname, resolve, sep } from "node:path";

/** Content types of what Vite emits for the renderer. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * The file under `root` a URL path names, or null when the path tries to leave `root`
 * (`..`, encoded dots, absolute paths). Extension-less paths are app routes: index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const relative = extname(decoded) === "" ? "/index.html" : decoded;
  const base = resolve(root);
  const target = resolve(base, `.${relative}`);
  return target.startsWith(base + sep) ? target : null;
}
