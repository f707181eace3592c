import type { FastifyReply, FastifyRequest } from "fastify";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import type * as centralSchema from "../db/central/schema";
import type { SessionUser } from "../shared/api/wire";
import type { Clock } from "../shared/time/clock";

export type CentralDb = NodePgDatabase<typeof centralSchema>;

/** Who is calling, once the bearer token has been checked against a non-revoked device. */
export interface AuthenticatedSession {
  user: SessionUser;
  deviceId: string;
}

declare module "fastify" {
  interface FastifyRequest {
    session?: AuthenticatedSession;
  }
}

/** What every route module receives from the server builder. */
export interface ServerContext {
  db: CentralDb;
  pool: Pool;
  /** preHandler: sets `request.session` or answers 401 `{error:{code:"unauthenticated"}}`. */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  log: (line: string) => void;
  /** The server's one clock (shared/time/clock.ts): every "now" of a request, a mutation, a call. */
  clock: Clock;
}

/** The session of a request that went through `authenticate`. */
export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (!request.session) throw new Error("route sans authentification");
  return request.session;
}
