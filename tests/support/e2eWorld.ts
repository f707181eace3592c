import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { startServer, type RunningServer } from "../../server/startServer";
import { launchChromium } from "./browser";

/**
 * What every end-to-end file starts from: a real central server in demo mode (embedded PostgreSQL,
 * the demo agency and its accounts, the demo PBX link) in a folder of its own, browser-harness
 * workstations beside it, and Debian's Chromium — all stopped and removed after the file.
 */
export interface E2eWorld {
  root: string;
  server: RunningServer;
  browser: Browser;
  /** One browser-harness workstation per name asked, each with its own data folder. */
  harnesses: Record<string, WebHarness>;
}

/** Starts the world in `beforeAll` and stops it in `afterAll`; the getter is valid inside tests. */
export function useE2eWorld(name: string, workstations: readonly string[]): () => E2eWorld {
  let world: E2eWorld | undefined;
  let root: string | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const harnesses: Record<string, WebHarness> = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `telesec-e2e-${name}-`));
    // The embedded PostgreSQL runs as the `postgres` user when tests run as root: it must reach its folder.
    chmodSync(root, 0o755);
    server = await startServer({ port: 0, dataDir: join(root, "central"), demo: true, durable: false });
    for (const workstation of workstations) {
      harnesses[workstation] = await startWebHarness({ port: 0, dataDir: join(root, workstation), serverUrl: server.url });
    }
    browser = await launchChromium();
    world = { root, server, browser, harnesses };
  });

  afterAll(async () => {
    await browser?.close();
    for (const harness of Object.values(harnesses)) await harness.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  return () => {
    if (!world) throw new Error("monde de bout en bout non démarré (useE2eWorld au niveau du fichier)");
    return world;
  };
}
