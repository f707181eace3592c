import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { connectCentral } from "../../db/central/centralDatabase";
import { findFreePort } from "../../db/central/embedded/freePort";
import { registerHealthRoutes } from "../../server/health/routes";
import { registerErrorHandling } from "../../server/http/errorHandling";
import { errorBody, healthResponse } from "../../shared/api/wire";
import { useTestApps } from "./appOnFreshDatabase";

const testApp = useTestApps();

describe("central server over HTTP", () => {
  it("answers /health with 200 {status: ok}, with the security headers", async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: "GET", url: "/health" });
    expect(response.statusCode).toBe(200);
    expect(healthResponse.parse(response.json())).toEqual({ status: "ok" });
    expect(response.headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" });
  });

  it("answers 503 on /health when PostgreSQL is out of reach", async () => {
    const unreachable = connectCentral({ host: "127.0.0.1", port: await findFreePort() });
    const app = Fastify();
    registerErrorHandling(app, () => {});
    registerHealthRoutes(app, unreachable);
    try {
      const response = await app.inject({ method: "GET", url: "/health" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: { code: "unavailable", message: "Base de données injoignable." } });
    } finally {
      await app.close();
      await unreachable.close();
    }
  });

  it("forbids caching anything under /api", async () => {
    const { app } = await testApp();
    const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("answers unknown routes 404 not_found, in the error shape", async () => {
    const { app } = await testApp();
    for (const [method, url] of [["GET", "/api/v1/nothing"], ["DELETE", "/health"], ["GET", "/"]] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(errorBody.parse(response.json()).error).toEqual({ code: "not_found", message: "Ressource introuvable." });
    }
  });

  it("answers malformed requests with a 4xx and a French message, never a 5xx", async () => {
    const { app } = await testApp();
    const login = (payload: string, contentType = "application/json") =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload, headers: { "content-type": contentType } });
    const cases = [
      [await login("{\"login\":"), 400, "invalid", /pas du JSON valide/],
      [await login(""), 400, "invalid", /corps JSON est vide/],
      [await login("[1,2]"), 400, "invalid", /objet attendu/],
      [await login("<xml/>", "application/xml"), 415, "unsupported_media_type", /envoyez du JSON/],
      [await login(JSON.stringify({ login: "x", password: "y".repeat(1024 * 1024), deviceName: "z" })), 413, "too_large", /8 Kio au plus/],
      [await app.inject({ method: "GET", url: "/%zz" }), 400, "invalid", /adresse mal formée/],
    ] as const;
    for (const [response, status, code, message] of cases) {
      expect(response.statusCode, response.body).toBe(status);
      const { error } = errorBody.parse(response.json());
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
  });

  it("answers an unexpected failure 500 with a generic message, and logs neither its message nor the body", async () => {
    const { app, logs } = await testApp();
    app.post("/api/v1/test/failure", async (request) => {
      throw new Error(`Patient ${(request.body as { name: string }).name} introuvable`);
    });
    const response = await app.inject({ method: "POST", url: "/api/v1/test/failure", payload: { name: "Kerébel" } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: "internal", message: expect.stringMatching(/^Erreur interne du serveur/) },
    });
    expect(response.body).not.toMatch(/Kerébel|at .*\.ts:\d+/);
    expect(logs).toEqual(["Erreur interne sur POST /api/v1/test/failure : Error"]);
  });

  it("answers 503 busy, to be tried again, when no database connection came in time, and 500 to a database that refuses", async () => {
    const { app, logs } = await testApp();
    const failures: Record<string, string> = {
      pool: "timeout exceeded when trying to connect",
      connect: "Connection terminated due to connection timeout",
      refused: "connect ECONNREFUSED 127.0.0.1:5432",
    };
    app.get("/api/v1/test/busy/:kind", async (request) => {
      throw new Error(failures[(request.params as { kind: string }).kind]);
    });
    for (const kind of ["pool", "connect"]) {
      const response = await app.inject({ method: "GET", url: `/api/v1/test/busy/${kind}` });
      expect(response.statusCode, kind).toBe(503);
      expect(response.headers["retry-after"]).toBe("1");
      expect(response.json()).toEqual({ error: { code: "busy", message: "Le serveur de l'agence est très sollicité : réessayez dans un instant." } });
    }
    expect((await app.inject({ method: "GET", url: "/api/v1/test/busy/refused" })).statusCode).toBe(500);
    expect(logs).toEqual([
      "Serveur occupé sur GET /api/v1/test/busy/:kind : plus de connexion libre à la base",
      "Serveur occupé sur GET /api/v1/test/busy/:kind : plus de connexion libre à la base",
      "Erreur interne sur GET /api/v1/test/busy/:kind : Error",
    ]);
  });
});
