// The key provider lives with the store it opens (db/local); the core re-exports it for its hosts.
export { fixedKeyProvider, KEY_BYTES, type KeyProvider } from "../../../db/local/keyProvider";
