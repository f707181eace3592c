import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { startWebHarness, type WebHarness } from "../../electron/core/harness/webHarness";
import { useTempDirs } from "../support/tempDir";

/** The harness serves the renderer and the core on loopback only, to its own page only. */
const tempDir = useTempDirs();
let harness: WebHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start() {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, "index.html"), "<!doctype html><html><head><title>Télésec</title></head><body></body></html>");
  mkdirSync(join(rendererDir, "assets"));
  writeFileSync(join(rendererDir, "assets", "app.js"), "console.log('app')");
  harness = await startWebHarness({ port: 0, dataDir: tempDir(), rendererDir });
  return harness;
}

function connects(url: string, origin: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin });
    socket.on("open", () => {
      socket.close();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

describe("browser harness", () => {
  it("listens on 127.0.0.1 and injects the bridge into the page, under the renderer's CSP", async () => {
    const { url } = await start();
    expect(new URL(url).hostname).toBe("127.0.0.1");
    const response = await fetch(url);
    const html = await response.text();
    expect(html).toContain('<script src="/__telesec/web-bridge.js"></script></head>');
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ${url.replace("http", "ws").replace(/\/$/, "")}`);
    const bridge = await fetch(new URL("/__telesec/web-bridge.js", url));
    expect(bridge.headers.get("content-type")).toMatch(/javascript/);
    expect(await bridge.text()).toMatch(/__telesec\/rpc\?token=/);
  });

  it("serves built files and app routes, and refuses to leave the renderer folder", async () => {
    const { url } = await start();
    expect((await fetch(new URL("/assets/app.js", url))).status).toBe(200);
    expect(await (await fetch(new URL("/appel/en-cours", url))).text()).toContain("<title>Télésec</title>");
    for (const path of ["/%2e%2e/%2e%2e/etc/passwd.txt", "/assets/..%2f..%2fsecret.txt", "/assets/nothing.js"]) {
      expect((await fetch(new URL(path, url))).status, path).toBe(404);
    }
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });

  it("accepts the core's socket only from its own page with the run's token", async () => {
    const { url } = await start();
    const bridge = await (await fetch(new URL("/__telesec/web-bridge.js", url))).text();
    const token = /"([0-9a-f]{48})"/.exec(bridge)?.[1];
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    const origin = url.replace(/\/$/, "");
    const socketUrl = `${origin.replace("http", "ws")}/__telesec/rpc?token=${token}`;
    expect(await connects(socketUrl, origin)).toBe(true);
    expect(await connects(socketUrl, "http://evil.example")).toBe(false);
    expect(await connects(socketUrl.replace(token!, "0".repeat(48)), origin)).toBe(false);
  });
});
