import type { WorkstationStatus } from "../../shared/api/contract";
import type { Handlers } from "./rpc/rpcServer";
import type { KeyProvider } from "./store/keyProvider";

export interface WorkstationOptions {
  /** Folder of the encrypted store (`telesec.db` and its -wal/-shm). */
  dataDir: string;
  keyProvider: KeyProvider;
  /** The clock; tests pin it. */
  now?: () => Date;
}

export interface Workstation {
  /** Every method of shared/api/contract, already bound to the store. */
  readonly handlers: Handlers;
  status(): WorkstationStatus;
  onStatus(listener: (status: WorkstationStatus) => void): () => void;
  close(): void;
}

export declare function createWorkstation(options: WorkstationOptions): Promise<Workstation>;
