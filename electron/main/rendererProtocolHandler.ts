import { readFile } from "node:fs/promises";
import { RENDERER_SECURITY_HEADERS } from "../../shared/api/contentSecurityPolicy";
import { contentTypeFor } from "../core/host/contentTypes";
import { resolveRendererFile } from "./rendererFileResolution";

export type ReadRendererFile = (path: string) => Promise<Uint8Array>;

/**
 * The handler of the app:// protocol: serves the built renderer, read-only, with the security
 * headers on every answer. Refused and missing paths both get a bare 404 so a probe learns nothing.
 */
export function createRendererRequestHandler(
  rendererRoot: string,
  read: ReadRendererFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return plainResponse(405, "Méthode non autorisée");
    const resolution = resolveRendererFile(request.url, rendererRoot);
    if (resolution.kind === "refused") return plainResponse(404, "Introuvable");

    let body: Uint8Array;
    try {
      body = await read(resolution.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return plainResponse(404, "Introuvable");
      return plainResponse(500, "Erreur de lecture de l'interface");
    }
    const headers = { ...RENDERER_SECURITY_HEADERS, "Content-Type": contentTypeFor(resolution.path) };
    // Copied into a plain Uint8Array: a Node Buffer may view a shared pool larger than the file.
    return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...RENDERER_SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}
