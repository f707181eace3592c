import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * The folder a power cut leaves, from the shim's log (powerCutShim.c): each file starts as `before`
 * holds it (a copy taken while nothing ran, all of it on disk), takes the writes and truncations the
 * process made, but keeps only what a sync made durable — what came after its file's last sync was
 * still in the operating system's cache, and is gone. SQLite's shared-memory index (-shm) is never on
 * disk in a way that counts: it is left out, and rebuilt from the log at the next open.
 */
export function rebuildAfterPowerCut(logFile: string, watchedDir: string, beforeDir: string, outDir: string): void {
  const volatile = new Map<string, Buffer>();
  const durable = new Map<string, Buffer>();
  for (const name of readdirSync(beforeDir)) {
    const bytes = readFileSync(join(beforeDir, name));
    volatile.set(name, bytes);
    durable.set(name, bytes);
  }
  const names: string[] = [];
  const log = readFileSync(logFile);
  let at = 0;
  const u32 = () => ((at += 4), log.readUInt32LE(at - 4));
  const u64 = () => ((at += 8), Number(log.readBigUInt64LE(at - 8)));
  while (at < log.length) {
    const kind = String.fromCharCode(log[at++]!);
    // A record the kill cut in the middle was never acknowledged to SQLite: the log ends before it.
    try {
      if (kind === "P") {
        const id = u32();
        const length = log.readUInt16LE(at);
        at += 2;
        names[id] = log.subarray(at, (at += length)).toString("utf8");
        continue;
      }
      const name = fileOf(names[u32()], watchedDir);
      if (kind === "W") {
        const offset = u64();
        const length = u32();
        if (at + length > log.length) break;
        const bytes = log.subarray(at, (at += length));
        if (!name) continue;
        let file = volatile.get(name) ?? Buffer.alloc(0);
        if (file.length < offset + length) file = Buffer.concat([file, Buffer.alloc(offset + length - file.length)]);
        bytes.copy(file, offset);
        volatile.set(name, file);
      } else if (kind === "T") {
        const size = u64();
        if (!name) continue;
        const file = volatile.get(name) ?? Buffer.alloc(0);
        volatile.set(name, file.length >= size ? Buffer.from(file.subarray(0, size)) : Buffer.concat([file, Buffer.alloc(size - file.length)]));
      } else if (kind === "S") {
        if (name) durable.set(name, Buffer.from(volatile.get(name) ?? Buffer.alloc(0)));
      } else if (kind === "U") {
        if (name) {
          volatile.delete(name);
          durable.delete(name);
        }
      } else {
        throw new Error(`enregistrement inconnu « ${kind} » à l'octet ${at - 1}`);
      }
    } catch (error) {
      if (error instanceof RangeError) break;
      throw error;
    }
  }
  // Files the process created and never synced: their names may be on disk, their bytes are not.
  for (const name of volatile.keys()) if (!durable.has(name)) durable.set(name, Buffer.alloc(0));
  for (const [name, bytes] of durable) if (!name.endsWith("-shm")) writeFileSync(join(outDir, name), bytes);
}

/** A file directly in the watched folder; the folder itself (SQLite syncs it after creating a file) is none. */
function fileOf(path: string | undefined, watchedDir: string): string | null {
  if (!path || !path.startsWith(`${watchedDir}/`)) return null;
  const name = basename(path);
  return existsSync(watchedDir) && path === join(watchedDir, name) ? name : null;
}
