import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import type { FastifyInstance } from "fastify";
import { ApiError } from "../http/apiError";
import { fileInFolder } from "../http/fileInFolder";

/**
 * The workstations' update feed (electron-updater's generic provider): GET /updates/<file> serves the
 * files the agency's IT copied into `--updates-dir` — installers, their .blockmap and the
 * latest*.yml that electron-builder wrote beside them (docs/deployment.md). Read-only, flat (no
 * sub-folders, no listing, no dot-files), and nothing outside the folder: the name is checked before
 * any file system access and the resolved path (symbolic links followed) must still be inside it.
 * Public like any download: installers hold no secret, and a workstation checks for updates before
 * anyone signs in.
 */
export function registerUpdateRoutes(app: FastifyInstance, { dir }: { dir: string }): void {
  app.get<{ Params: { file: string } }>("/updates/:file", async (request, reply) => {
    const path = await feedFile(dir, request.params.file);
    const { size } = await stat(path);
    reply.header("Content-Length", size);
    reply.type(contentTypeOf(path));
    return reply.send(createReadStream(path));
  });
}

/** Installer and feed names as electron-builder writes them (electron-builder.yml: ASCII names). */
const FEED_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;

const NOT_FOUND = () => new ApiError(404, "not_found", "Fichier de mise à jour introuvable.");

/** The feed file a request names, or a 404: the same answer for a bad name, a missing file and an escape. */
export async function feedFile(dir: string, name: string): Promise<string> {
  const path = await fileInFolder(dir, name, FEED_FILE_NAME);
  if (path === null) throw NOT_FOUND();
  return path;
}

function contentTypeOf(path: string): string {
  const extension = extname(path).toLowerCase();
  if (extension === ".yml" || extension === ".yaml") return "text/yaml; charset=utf-8";
  if (extension === ".json") return "application/json; charset=utf-8";
  return "application/octet-stream";
}
