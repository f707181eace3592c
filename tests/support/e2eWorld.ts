import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { startServer, type RunningServer, type StartServerOptions } from "../../server/startServer";
import type { Clock } from "../../shared/time/clock";
import { launchChromium } from "./browser";
import { startCuttableLink, type CuttableLink } from "./cuttableLink";
import { e2eClock } from "./e2eInstant";
import { linesQuotingPatients } from "./patientDataInLogs";
import { postPbxEvent, type PbxAnswer } from "./pbx";
import { DEMO_PBX_SECRET } from "../../server/telephony/demoPbxLink";

/**
 * What every end-to-end file starts from: a real central server in demo mode (embedded PostgreSQL,
 * the demo agency and its accounts, the demo PBX link) in a folder of its own, browser-harness
 * workstations beside it, and Chromium (tests/support/browserFinder.ts) — all stopped and removed after
 * the file. Server and workstations share one clock, started at the suite's instant (e2eInstant.ts).
 * Every log line of the server, of the workstations' cores and of the pages' consoles is kept, and
 * after the file none may quote a seeded patient's name or number (issue "Security": no patient
 * data in logs).
 */
export interface E2eWorld {
  root: string;
  /** The world's one clock: what "now" is for the server, the cores and their pages. */
  clock: Clock;
  server: RunningServer;
  browser: Browser;
  /** One browser-harness workstation per name asked, each with its own data folder. */
  harnesses: Record<string, WebHarness>;
  /** What the server, the cores and the pages' consoles logged so far, each line with its source. */
  logs: string[];
}

/** Starts the world in `beforeAll` and stops it in `afterAll`; the getter is valid inside tests. */
export function useE2eWorld(
  name: string,
  workstations: readonly string[],
  options: { notifications?: () => Promise<StartServerOptions["notifications"]>; sms?: () => Promise<StartServerOptions["sms"]>; smsWebhookSecret?: string } = {},
): () => E2eWorld {
  let world: E2eWorld | undefined;
  let root: string | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const harnesses: Record<string, WebHarness> = {};
  const logs: string[] = [];
  const logTo = (source: string) => (line: string) => logs.push(`${source} : ${line}`);
  const clock = e2eClock();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `telesec-e2e-${name}-`));
    // The embedded PostgreSQL runs as the `postgres` user when tests run as root: it must reach its folder.
    chmodSync(root, 0o755);
    const notifications = await options.notifications?.();
    const sms = await options.sms?.();
    server = await startServer({ port: 0, dataDir: join(root, "central"), demo: true, durable: false, clock, log: logTo("serveur"), ...(notifications ? { notifications } : {}), ...(sms ? { sms } : {}), ...(options.smsWebhookSecret ? { smsWebhookSecret: options.smsWebhookSecret } : {}) });
    for (const workstation of workstations) {
      harnesses[workstation] = await startWebHarness({ port: 0, dataDir: join(root, workstation), serverUrl: server.url, clock, log: logTo(workstation) });
    }
    browser = await launchChromium();
    keepConsoles(browser, logTo("console"));
    world = { root, clock, server, browser, harnesses, logs };
  });

  afterAll(async () => {
    try {
      if (server) expect(await linesQuotingPatients(server.db, logs), "données de patients dans les journaux").toEqual([]);
    } finally {
      await stop();
    }
  });

  async function stop(): Promise<void> {
    await browser?.close();
    for (const harness of Object.values(harnesses)) await harness.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }

  return () => {
    if (!world) throw new Error("monde de bout en bout non démarré (useE2eWorld au niveau du fichier)");
    return world;
  };
}

/**
 * A browser-harness workstation of the world that reaches its server through a relay the test can cut and
 * restore (the network going down and back): its own data folder, the world's clock, its log kept.
 */
export async function harnessBehindLink(world: E2eWorld, name: string): Promise<{ link: CuttableLink; harness: WebHarness; close(): Promise<void> }> {
  const link = await startCuttableLink(world.server.url);
  const harness = await startWebHarness({
    port: 0,
    dataDir: join(world.root, name.normalize("NFD").replace(/[^a-zA-Z0-9]+/g, "-")),
    serverUrl: link.url,
    clock: world.clock,
    log: (line) => world.logs.push(`${name} : ${line}`),
  });
  return {
    link,
    harness,
    async close() {
      await harness.close();
      await link.close();
    },
  };
}

/** Every page opened in this browser reports its console messages and uncaught errors. */
export function keepConsoles(browser: Browser, log: (line: string) => void): void {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
    const page = await newPage(...args);
    page.on("console", (message) => log(`${message.type()} ${message.text()}`));
    page.on("pageerror", (error) => log(`erreur ${error.message}`));
    return page;
  };
}

/**
 * The demo PBX rings `agent` for the demo practice, from Hélène's mobile, now on the world's clock: how an
 * end-to-end test asks whether a workstation still hears calls (the 202's `delivered`).
 */
export function ringDemoAgent(world: E2eWorld, agent: string, callId: string): Promise<PbxAnswer> {
  return postPbxEvent(world.server.url, DEMO_PBX_SECRET, {
    event: "ringing",
    callId,
    calledNumber: "01 44 55 66 77",
    callerNumber: "06 12 34 56 78",
    agent,
    at: new Date(world.clock.now()).toISOString(),
  });
}
