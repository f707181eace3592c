import { isAbsolute, join, relative, resolve } from "node:path";

export type RendererFileResolution = { kind: "file"; path: string } | { kind: "refused"; reason: string };

const INDEX_FILE = "index.html";

/**
 * Maps a URL path to a file of the built renderer, or refuses it; used by the Electron app://
 * protocol and by the browser harness alike. Only a path that stays inside `rendererRoot` is ever
 * returned, whatever the encoding tricks (`..`, `%2e%2e`, `%2f`, backslashes, drive letters). A path
 * whose last segment has no extension is a client-side route of the single-page app: index.html.
 */
export function resolveRendererPath(urlPathname: string, rendererRoot: string): RendererFileResolution {
  const root = resolve(rendererRoot);
  const rawSegments = urlPathname.split("/").filter((segment) => segment !== "");

  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = decodeSegment(raw);
    if (segment === null || !isPlainSegment(segment)) return { kind: "refused", reason: "chemin non autorisé" };
    segments.push(segment);
  }

  const last = segments.at(-1);
  if (last === undefined || !last.includes(".")) return { kind: "file", path: join(root, INDEX_FILE) };

  const path = join(root, ...segments);
  const fromRoot = relative(root, path);
  if (fromRoot === "" || fromRoot.startsWith("..") || isAbsolute(fromRoot)) {
    return { kind: "refused", reason: "chemin hors du dossier de l'interface" };
  }
  return { kind: "file", path };
}

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * A segment names one entry of one folder: no separators, no dot-segments or hidden files, and no
 * colon (Windows drive letters and alternate data streams).
 */
function isPlainSegment(segment: string): boolean {
  return !segment.startsWith(".") && !/[/\\:\0]/.test(segment);
}
