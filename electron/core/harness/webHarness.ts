import { build } from "esbuild";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocketServer } from "ws";
import { keyFileProvider } from "../../../db/local/keyFileProvider";
import { rendererSecurityHeaders } from "../../../shared/api/contentSecurityPolicy";
import type { Clock } from "../../../shared/time/clock";
import type { MachineConfigError } from "../../../shared/config/machineConfig";
import { startConfiguredWorkstation } from "../config/configuredWorkstation";
import { attachCore } from "../host/attachCore";
import { contentTypeFor } from "../host/contentTypes";
import { resolveRendererPath } from "../host/rendererFiles";
import { createWorkstation, type Workstation } from "../workstation";
import { webSocketChannel } from "./webSocketChannel";

export interface WebHarnessOptions {
  port: number;
  dataDir: string;
  rendererDir?: string;
  /** The central server the core logs in to and syncs with, exactly as the app does. */
  serverUrl?: string;
  /** From the machine configuration (`--config FILE`). */
  autoLockMinutes?: number;
  /** The machine configuration is wrong: the page shows why and the core opens nothing, as in the app. */
  configError?: MachineConfigError;
  log?: (line: string) => void;
  /** The core's clock (`--now`); the real one by default. */
  clock?: Clock;
}

export interface WebHarness {
  url: string;
  workstation: Workstation;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const BRIDGE_PATH = "/__telesec/web-bridge.js";
const RPC_PATH = "/__telesec/rpc";
const MAX_FRAME_BYTES = 1024 * 1024;
const NOT_FOUND = { status: 404, type: "text/plain; charset=utf-8", body: "Introuvable." };

/**
 * The browser harness: the built renderer on 127.0.0.1 and the workstation core behind a loopback
 * WebSocket, with `window.telesec` injected, so the same UI runs and is tested in any browser on
 * machines where Electron cannot start. Only this page may connect: same origin and a per-run token.
 */
export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const log = options.log ?? (() => {});
  const rendererDir = options.rendererDir ?? join(repoRoot, "dist", "renderer");
  const token = randomBytes(24).toString("hex");
  const workstation = await startConfiguredWorkstation(
    createWorkstation,
    {
      dataDir: options.dataDir,
      keyProvider: keyFileProvider(join(options.dataDir, "store.key")),
      log,
      ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
      ...(options.autoLockMinutes ? { autoLockMinutes: options.autoLockMinutes } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    },
    options.configError,
  );
  const bridge = await bundleBridge(token);
  let origin = "";

  const server = createServer((request, response) => {
    void serve(request).then(
      ({ status, type, body }) => {
        response.writeHead(status, { "content-type": type, "cache-control": "no-store", ...rendererSecurityHeaders([origin.replace(/^http/, "ws")]) });
        response.end(body);
      },
      () => {
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("Erreur interne du banc de test.");
      },
    );
  });

  async function serve(request: IncomingMessage): Promise<{ status: number; type: string; body: string | Buffer }> {
    if (request.method !== "GET") return { status: 405, type: "text/plain; charset=utf-8", body: "Méthode non autorisée." };
    const pathname = new URL(request.url ?? "/", origin).pathname;
    if (pathname === BRIDGE_PATH) return { status: 200, type: contentTypeFor(BRIDGE_PATH), body: bridge };
    const resolution = resolveRendererPath(pathname, rendererDir);
    if (resolution.kind === "refused") return NOT_FOUND;
    let body: Buffer;
    try {
      body = await readFile(resolution.path);
    } catch {
      return NOT_FOUND;
    }
    const type = contentTypeFor(resolution.path);
    return type.startsWith("text/html") ? { status: 200, type, body: injectBridge(body.toString("utf8")) } : { status: 200, type, body };
  }

  const sockets = new WebSocketServer({
    server,
    path: RPC_PATH,
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: (info: { origin: string; req: IncomingMessage }) => info.origin === origin && hasToken(info.req, token),
  });
  sockets.on("connection", (socket) => {
    const detach = attachCore(webSocketChannel(socket), workstation, log);
    socket.on("close", detach);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("Adresse d'écoute inattendue.");
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/`,
    workstation,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      workstation.close();
    },
  };
}

function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  return html.includes("</head>") ? html.replace("</head>", `${tag}</head>`) : `${tag}${html}`;
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = new URL(request.url ?? "", "http://127.0.0.1").searchParams.get("token") ?? "";
  return given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

async function bundleBridge(token: string): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, "renderer", "bridge", "webBridge.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    define: { __TELESEC_RPC_TOKEN__: JSON.stringify(token) },
  });
  return result.outputFiles[0]!.text;
}
