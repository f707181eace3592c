import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "../../server/app";
import { PORTAL_PAGE_CONTENT_SECURITY_POLICY } from "../../server/http/securityHeaders";
import { errorBody } from "../../shared/api/wire";
import { freshDatabase } from "../support/postgres";
import { testClock } from "../support/testClock";

/** Issue 16: the central server serves the portal's page under its own CSP, its assets flat, nothing else of the disk. */
const dir = mkdtempSync(join(tmpdir(), "telesec-portail-"));
mkdirSync(join(dir, "assets"));
writeFileSync(join(dir, "index.html"), '<!doctype html><html lang="fr"><script type="module" src="/portail/assets/index-abc.js"></script></html>');
writeFileSync(join(dir, "assets", "index-abc.js"), "console.log('portail');");
writeFileSync(join(dir, "assets", "notes.txt"), "pas un fichier du portail");
writeFileSync(join(tmpdir(), "telesec-secret-hors-portail.js"), "secret");
symlinkSync(join(tmpdir(), "telesec-secret-hors-portail.js"), join(dir, "assets", "lien.js"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serving(portalDir: string | undefined) {
  const database = await freshDatabase();
  const app = await buildServer({ db: database.db, pool: database.pool, clock: testClock(), ...(portalDir ? { portalDir } : {}) });
  return { app, close: async () => (await app.close(), await database.drop()) };
}

describe("the portal's page", () => {
  it("is served with the page's policy, its scripts with theirs, /portail sent to /portail/", async () => {
    const { app, close } = await serving(dir);
    try {
      const page = await app.inject({ method: "GET", url: "/portail/" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(page.headers["content-security-policy"]).toBe(PORTAL_PAGE_CONTENT_SECURITY_POLICY);
      expect(page.headers["x-frame-options"]).toBe("DENY");
      expect(page.body).toContain("/portail/assets/index-abc.js");
      const script = await app.inject({ method: "GET", url: "/portail/assets/index-abc.js" });
      expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(script.body).toBe("console.log('portail');");
      const redirect = await app.inject({ method: "GET", url: "/portail" });
      expect([redirect.statusCode, redirect.headers.location]).toEqual([308, "/portail/"]);
      // The API keeps its own, stricter policy.
      const api = await app.inject({ method: "GET", url: "/portail/api/session" });
      expect(api.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(api.headers["content-security-policy"]).toContain("sandbox");
    } finally {
      await close();
    }
  });

  it("gives nothing but the page's own files: no other type, no escape, no folder", async () => {
    const { app, close } = await serving(dir);
    try {
      for (const url of ["/portail/assets/notes.txt", "/portail/assets/lien.js", "/portail/assets/..%2Findex.html", "/portail/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/portail/assets/absent.js", "/portail/index.html"]) {
        const response = await app.inject({ method: "GET", url });
        expect(response.statusCode, url).toBe(404);
        expect(errorBody.safeParse(response.json()).success, url).toBe(true);
      }
    } finally {
      await close();
    }
  });

  it("says in French that the page is not installed when it was not built", async () => {
    const { app, close } = await serving(undefined);
    try {
      const response = await app.inject({ method: "GET", url: "/portail/" });
      expect(response.statusCode).toBe(404);
      expect(errorBody.parse(response.json()).error.message).toContain("npm run build:portal");
    } finally {
      await close();
    }
  });
});
