import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";
import { KEY_BYTES } from "./keyProvider";
import { corruptStoreError, wrongKeyError } from "./storeErrors";

export type LocalDb = BetterSQLite3Database<typeof schema>;

export interface LocalStore {
  readonly sqlite: Database.Database;
  readonly db: LocalDb;
  readonly path: string;
  close(): void;
}

export const defaultLocalMigrationsDir = () => fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Which build of the native SQLite module this process loads. Node runs (tests, CLIs, the browser
 * harness) set nothing: better-sqlite3 loads the build `npm install` made in its package. The Electron
 * core sets, once at start, the path of the build made for Electron's ABI, kept in a folder of its own
 * (scripts/native-module.mjs) so that neither build ever replaces the other. One process runs one
 * runtime, hence one setting for the process rather than an option of each store.
 */
let nativeBinding: string | undefined;

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export interface OpenLocalStoreOptions {
  path: string;
  key: Uint8Array;
  migrationsDir?: string;
}

/**
 * Every commit waits for the disk: the outbox is the only copy of work done offline (a booking the
 * patient was told about), and WAL with NORMAL loses the last commits at a power cut. Measured here:
 * +0.3 ms per change (docs/performance.md); tests/durability/powerCut.test.ts cuts the power for real.
 */
export const STORE_SYNCHRONOUS = "FULL";

/**
 * Opens (or creates) the workstation's encrypted SQLite store: SQLCipher-compatible encryption
 * set before anything else touches the file, WAL, foreign keys on, pending migrations applied.
 * A wrong key fails here with a clear error, never with an empty database put in its place.
 */
export function openLocalStore({ path, key, migrationsDir = defaultLocalMigrationsDir() }: OpenLocalStoreOptions): LocalStore {
  if (key.length !== KEY_BYTES) throw new Error(`La clé du poste doit faire ${KEY_BYTES} octets.`);
  const sqlite = openKeyed(path, key);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma(`synchronous = ${STORE_SYNCHRONOUS}`);
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Every page read is decrypted: a cache that holds the hot indexes (patients, search terms,
    // appointments) spares that work; SQLite's default of 2 MiB makes a large sync thrash.
    sqlite.pragma("cache_size = -131072");
    // SQLite3 Multiple Ciphers encrypts the store, its journal and WAL, never its temporary files: temporary
    // tables (a first sync's staged search terms) and the sorts behind ORDER BY and CREATE INDEX would
    // write names, phone numbers and birth dates to disk in clear. They stay in memory instead.
    sqlite.pragma("temp_store = MEMORY");
    const db = drizzle(sqlite, { schema, casing: "snake_case" });
    migrate(db, { migrationsFolder: migrationsDir });
    const close = () => {
      if (!sqlite.open) return;
      // Keeps the planner's statistics fresh (bounded work since SQLite 3.46), as SQLite advises on close.
      sqlite.pragma("optimize");
      sqlite.close();
    };
    return { sqlite, db, path, close };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Changes the store's key (a store keyed as a passphrase comes out raw-keyed). SQLite3MultipleCiphers refuses to rekey a WAL database, so the
 * journal goes to DELETE mode around the rekey and back to WAL after.
 */
export function rekeyLocalStore(store: LocalStore, newKey: Uint8Array): void {
  if (newKey.length !== KEY_BYTES) throw new Error(`La clé du poste doit faire ${KEY_BYTES} octets.`);
  store.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  store.sqlite.pragma("journal_mode = DELETE");
  try {
    applyKey(store.sqlite, newKey, "raw", "rekey");
  } finally {
    store.sqlite.pragma("journal_mode = WAL");
  }
}

/**
 * How the key reaches the cipher. `raw`: the 256 random bits are the encryption key itself (SQLCipher's
 * `x'…'` form). `passphrase`: the same bits handed over as a passphrase, which SQLCipher stretches with
 * 256,000 rounds of PBKDF2 at every opening (≈ 0.3–0.65 s here) — for a password, not for a random key.
 * Stores made before 2026-12-05 were keyed that way and keep it until they are rekeyed.
 */
type KeyForm = "raw" | "passphrase";

/** The store opened with its key: raw first (every store made now), else as the passphrase of older stores. */
function openKeyed(path: string, key: Uint8Array): Database.Database {
  const attempt = (form: KeyForm): Database.Database | "wrong_key" => {
    const sqlite = nativeBinding === undefined ? new Database(path) : new Database(path, { nativeBinding });
    try {
      applyKey(sqlite, key, form, "key");
      return verifyReadable(sqlite) ? sqlite : (sqlite.close(), "wrong_key");
    } catch (error) {
      sqlite.close();
      throw error;
    }
  };
  const raw = attempt("raw");
  if (raw !== "wrong_key") return raw;
  const passphrase = attempt("passphrase");
  if (passphrase !== "wrong_key") return passphrase;
  throw wrongKeyError();
}

function applyKey(sqlite: Database.Database, key: Uint8Array, form: KeyForm, pragma: "key" | "rekey"): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma("legacy = 4");
  const hex = Buffer.from(key).toString("hex");
  sqlite.pragma(form === "raw" ? `${pragma} = "x'${hex}'"` : `hex${pragma} = '${hex}'`);
}

/** False when the key does not decrypt the file; a damaged store throws. */
function verifyReadable(sqlite: Database.Database): boolean {
  try {
    sqlite.prepare("SELECT count(*) FROM sqlite_schema").pluck().get();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB") return false;
    throw corruptStoreError(code ?? String(error));
  }
}
