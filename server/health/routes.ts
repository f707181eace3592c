import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { healthResponse } from "../../shared/api/wire";
import type { ServerContext } from "../context";
import { ApiError } from "../http/apiError";

/**
 * GET /health, for load balancers and supervision: 200 only when this instance can reach
 * PostgreSQL, without which it can serve nothing.
 */
export function registerHealthRoutes(app: FastifyInstance, { pool }: Pick<ServerContext, "pool">): void {
  app.get("/health", async (): Promise<z.infer<typeof healthResponse>> => {
    try {
      await pool.query("SELECT 1");
    } catch {
      throw new ApiError(503, "unavailable", "Base de données injoignable.");
    }
    return { status: "ok" };
  });
}
