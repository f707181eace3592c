import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../shared/api/contentSecurityPolicy";
import { createRendererRequestHandler } from "../../electron/main/rendererProtocolHandler";

describe("the app:// protocol handler", () => {
  let base: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "telesec-renderer-"));
    const root = join(base, "dist", "renderer");
    await mkdir(join(root, "assets"), { recursive: true });
    await mkdir(join(root, "v1.2"));
    await writeFile(join(root, "index.html"), "<!doctype html><title>Télésec</title>");
    await writeFile(join(root, "assets", "app.js"), "console.log('ok')");
    await writeFile(join(base, "secret.txt"), "ne doit jamais sortir");
    handle = createRendererRequestHandler(root);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it("serves a built file with its type and the CSP", async () => {
    const response = await handle(new Request("app://telesec/assets/app.js"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("console.log('ok')");
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers index.html for a client-side route", async () => {
    const response = await handle(new Request("app://telesec/agenda/semaine"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Télésec</title>");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("does not leak a file beside the renderer folder", async () => {
    for (const url of ["app://telesec/..%2f..%2fsecret.txt", "app://telesec/../../secret.txt", "app://telesec/%2e%2e/%2e%2e/secret.txt"]) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("jamais");
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it("answers 404 for a missing asset and for a folder", async () => {
    expect((await handle(new Request("app://telesec/assets/missing.js"))).status).toBe(404);
    expect((await handle(new Request("app://telesec/v1.2"))).status).toBe(404);
  });

  it("answers 404 to another host of the scheme", async () => {
    expect((await handle(new Request("app://other/index.html"))).status).toBe(404);
  });

  it("is read-only", async () => {
    const response = await handle(new Request("app://telesec/index.html", { method: "POST", body: "x" }));
    expect(response.status).toBe(405);
  });

  it("answers 500, without details, when reading fails otherwise", async () => {
    const failing = createRendererRequestHandler("/r", async () => {
      throw Object.assign(new Error("EACCES: /r/index.html"), { code: "EACCES" });
    });
    const response = await failing(new Request("app://telesec/index.html"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("/r/");
  });
});
