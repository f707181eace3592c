import type { CentralDb } from "./context";
import type { SessionUser } from "../shared/api/wire";

/**
 * A transaction on the central database, declared once here: the sync mutations and the login
 * throttle both write inside one, and importing it from the module that applies mutations made
 * the sync files import each other in a circle.
 */
export type CentralTx = Parameters<Parameters<CentralDb["transaction"]>[0]>[0];

/** What a mutation is applied with: the caller's transaction, whose request it is, and its "now". */
export interface CentralMutationContext {
  tx: CentralTx;
  user: SessionUser;
  now: Date;
}
