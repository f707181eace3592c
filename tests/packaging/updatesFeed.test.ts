import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerErrorHandling } from "../../server/http/errorHandling";
import { registerSecurityHeaders } from "../../server/http/securityHeaders";
import { parseServerArgs } from "../../server/serverArgs";
import { feedFile, registerUpdateRoutes } from "../../server/updates/routes";
import { useTempDirs } from "../support/tempDir";

/**
 * The central server's /updates/ feed (server/updates/routes.ts), on a bare Fastify with the server's
 * error handling and headers: it needs no database.
 */
const tempDir = useTempDirs();
let app: FastifyInstance;
let updatesDir: string;
const INSTALLER = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0xff, 0x00, 0x10]);

beforeEach(async () => {
  const root = tempDir();
  updatesDir = join(root, "maj");
  mkdirSync(updatesDir);
  writeFileSync(join(updatesDir, "latest.yml"), "version: 0.2.0\npath: Telesec-0.2.0-x64.exe\n");
  writeFileSync(join(updatesDir, "Telesec-0.2.0-x64.exe"), INSTALLER);
  writeFileSync(join(updatesDir, ".htpasswd"), "secret");
  mkdirSync(join(updatesDir, "ancien"));
  writeFileSync(join(updatesDir, "ancien", "latest.yml"), "version: 0.1.0\n");
  writeFileSync(join(root, "secret.txt"), "hors du dossier");
  symlinkSync(join(root, "secret.txt"), join(updatesDir, "lien.yml"));
  app = Fastify();
  registerSecurityHeaders(app);
  registerErrorHandling(app, () => {});
  registerUpdateRoutes(app, { dir: updatesDir });
  await app.ready();
});

afterEach(async () => {
  await app.close();
});

describe("the update feed at /updates/", () => {
  it("serves the feed and the installers as they are", async () => {
    const feed = await app.inject({ method: "GET", url: "/updates/latest.yml" });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/yaml; charset=utf-8");
    expect(feed.body).toBe("version: 0.2.0\npath: Telesec-0.2.0-x64.exe\n");

    const installer = await app.inject({ method: "GET", url: "/updates/Telesec-0.2.0-x64.exe" });
    expect(installer.statusCode).toBe(200);
    expect(installer.headers["content-type"]).toBe("application/octet-stream");
    expect(installer.headers["content-length"]).toBe(String(INSTALLER.length));
    expect(installer.rawPayload).toEqual(INSTALLER);
    expect(installer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers HEAD with the size and no body", async () => {
    const head = await app.inject({ method: "HEAD", url: "/updates/Telesec-0.2.0-x64.exe" });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-length"]).toBe(String(INSTALLER.length));
    expect(head.body).toBe("");
  });

  it.each([
    "/updates/absent.yml",
    "/updates/",
    "/updates",
    "/updates/.htpasswd",
    "/updates/ancien",
    "/updates/ancien/latest.yml",
    "/updates/ancien%2Flatest.yml",
    "/updates/..%2Fsecret.txt",
    "/updates/%2e%2e%2fsecret.txt",
    "/updates/..%5Csecret.txt",
    "/updates/%2e%2e",
    "/updates/../secret.txt",
    "/updates/lien.yml",
    "/updates/latest.yml%00.exe",
  ])("refuses %s with the same 404 as a missing file", async (url) => {
    const answer = await app.inject({ method: "GET", url });
    expect(answer.statusCode).toBe(404);
    expect(answer.body).not.toContain("hors du dossier");
    expect(answer.body).not.toContain("version: 0.1.0");
    expect(answer.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("is read-only", async () => {
    for (const method of ["PUT", "POST", "DELETE"] as const) {
      const answer = await app.inject({ method, url: "/updates/latest.yml", payload: "version: 9.9.9" });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect((await app.inject({ method: "GET", url: "/updates/latest.yml" })).body).toContain("0.2.0");
  });

  it("does not let a raw request line climb out of the folder either", async () => {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    for (const target of ["/updates/../secret.txt", "/updates/..\\secret.txt", "/updates/%2e%2e/secret.txt", "/updates/./../secret.txt"]) {
      const response = await rawGet(port, target);
      expect(response).toMatch(/^HTTP\/1\.1 (400|404)/);
      expect(response).not.toContain("hors du dossier");
    }
  });

  it("checks the name before touching the file system", async () => {
    await expect(feedFile(updatesDir, "../secret.txt")).rejects.toMatchObject({ statusCode: 404 });
    await expect(feedFile("/nulle/part", "latest.yml")).rejects.toMatchObject({ statusCode: 404 });
    expect(await feedFile(updatesDir, "latest.yml")).toMatch(/latest\.yml$/);
  });
});

describe("--updates-dir", () => {
  it("is read from the command line", () => {
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--updates-dir", "/srv/telesec/maj"], {})).toMatchObject({ updatesDir: "/srv/telesec/maj" });
    expect(parseServerArgs(["--data-dir", "/srv/telesec"], {})?.updatesDir).toBeUndefined();
  });
});

function rawGet(port: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}
