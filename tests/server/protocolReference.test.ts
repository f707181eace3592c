import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "../../server/app";
import { frenchSize } from "../../server/http/bodyLimits";
import { routesOf, type CataloguedRoute } from "../../server/security/routeCatalogue";
import { HTTP_ROUTES } from "../../shared/api/httpRoutes";
import { renderProtocolReference } from "../../shared/api/protocolReference";
import { freshDatabase } from "../support/postgres";
import { testClock } from "../support/testClock";

/**
 * docs/protocol-reference.md is written from the schemas (shared/api/httpRoutes.ts, the mutations),
 * and the routes it lists are the routes the server registers, all of them; docs/protocol.md's size
 * table gives each route its own limit. An outside client, written from those pages, found them
 * lagging the server: now a route added, removed or changed without its page fails here.
 */
const docs = join(import.meta.dirname, "..", "..", "docs");
const updatesDir = mkdtempSync(join(tmpdir(), "telesec-maj-"));
afterAll(() => rmSync(updatesDir, { recursive: true, force: true }));

async function registeredRoutes(): Promise<{ routes: readonly CataloguedRoute[]; inject: Awaited<ReturnType<typeof buildServer>>["inject"]; close(): Promise<void> }> {
  const database = await freshDatabase();
  const app = await buildServer({ db: database.db, pool: database.pool, clock: testClock(), updatesDir, smsWebhookSecret: "secret-des-passerelles-sms-0123456789" });
  return {
    routes: routesOf(app).filter((route) => route.method !== "HEAD" && route.url !== "*"),
    inject: app.inject.bind(app),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

describe("the protocol's pages and the server", () => {
  it("docs/protocol-reference.md is what the schemas give (npm run docs:protocol writes it)", () => {
    expect(readFileSync(join(docs, "protocol-reference.md"), "utf8"), "page périmée : lancez npm run docs:protocol").toBe(renderProtocolReference());
  });

  it("list every route the server registers, and only those", async () => {
    const server = await registeredRoutes();
    try {
      const registered = server.routes.map((route) => `${route.method} ${route.url}`).sort();
      expect(HTTP_ROUTES.map((route) => `${route.method} ${route.path}`).sort()).toEqual(registered);
    } finally {
      await server.close();
    }
  });

  it("say who may call each route: without credentials, all but the public ones answer 401", async () => {
    const server = await registeredRoutes();
    try {
      for (const route of HTTP_ROUTES.filter((candidate) => candidate.path !== "/api/v1/ws")) {
        const url = route.path.replace(":id", randomUUID()).replace(":file", "latest.yml").replace(":secret", "pas-le-bon-secret");
        const answer = await server.inject({ method: route.method, url, ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: {} }) });
        if (route.access === "public") expect(answer.statusCode, `${route.method} ${route.path}`).not.toBe(401);
        else expect(answer.statusCode, `${route.method} ${route.path}`).toBe(401);
      }
    } finally {
      await server.close();
    }
  });

  it("give each route of protocol.md's size table its own limit", async () => {
    const page = readFileSync(join(docs, "protocol.md"), "utf8");
    const server = await registeredRoutes();
    try {
      const rows = page.split("\n").filter((line) => /^\s*\| `(GET|POST|PATCH|PUT|DELETE) \//.test(line));
      expect(rows.length).toBeGreaterThan(2);
      for (const row of rows) {
        const [named, limit] = row.split("|").slice(1, 3).map((cell) => cell.trim());
        for (const [, method, url] of named!.matchAll(/`(GET|POST|PATCH|PUT|DELETE) (\/[^`…]*)…?`/g)) {
          const route = server.routes.find((candidate) => candidate.method === method && candidate.url.startsWith(url!));
          expect(route, `${method} ${url}`).toBeDefined();
          expect(limit, `${method} ${url}`).toBe(frenchSize(route!.bodyLimit!));
        }
      }
    } finally {
      await server.close();
    }
  });
});
