import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError } from "../http/apiError";
import { fileInFolder } from "../http/fileInFolder";
import { PORTAL_PAGE_CONTENT_SECURITY_POLICY } from "../http/securityHeaders";

/**
 * Where the portal's built page is (`npm run build:portal`): beside the deployed bundle (`portal-page/`,
 * scripts/build-server.mjs), or in the project's dist/ when the server runs from its sources.
 */
export function defaultPortalDir(): string | undefined {
  const candidates = [new URL("./portal-page/", import.meta.url), new URL("../../dist/portal/", import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((dir) => existsSync(join(dir, "index.html")));
}

/** Vite's hashed asset names: flat, no folder. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;
const CONTENT_TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };

const notBuilt = () => new ApiError(404, "not_found", "Le portail des praticiens n'est pas installé sur ce serveur (npm run build:portal, puis redémarrer le serveur).");
const noSuchFile = () => new ApiError(404, "not_found", "Fichier du portail introuvable.");

/**
 * GET /portail/ (the page) and /portail/assets/<file> (its scripts and styles), under the page's own CSP.
 * Public like any page: what it shows comes from the portal's API, behind the session cookie.
 */
export function registerPortalPageRoutes(app: FastifyInstance, { dir }: { dir: string | undefined }): void {
  const send = async (reply: FastifyReply, path: string, type: string) => {
    const { size } = await stat(path);
    reply.header("Content-Security-Policy", PORTAL_PAGE_CONTENT_SECURITY_POLICY);
    reply.header("Content-Length", size);
    reply.type(type);
    return reply.send(createReadStream(path));
  };
  app.get("/portail", async (_request, reply) => reply.redirect("/portail/", 308));
  app.get("/portail/", async (_request, reply) => {
    const page = dir === undefined ? null : await fileInFolder(dir, "index.html", /^index\.html$/);
    if (page === null) throw notBuilt();
    return send(reply, page, "text/html; charset=utf-8");
  });
  app.get<{ Params: { file: string } }>("/portail/assets/:file", async (request, reply) => {
    const path = dir === undefined ? null : await fileInFolder(join(dir, "assets"), request.params.file, ASSET_NAME);
    const type = path === null ? undefined : CONTENT_TYPES[extname(path).toLowerCase()];
    if (path === null || type === undefined) throw noSuchFile();
    return send(reply, path, type);
  });
}
