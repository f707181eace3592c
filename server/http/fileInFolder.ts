import { realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

/**
 * The file a request names inside a served folder, or null: a name outside `pattern`, with "..", missing,
 * not a plain file, or resolving (symbolic links followed) outside the folder. The name is checked before
 * any file system access; callers answer every null with the same 404.
 */
export async function fileInFolder(dir: string, name: string, pattern: RegExp): Promise<string | null> {
  if (!pattern.test(name) || name.includes("..")) return null;
  let root: string;
  let path: string;
  try {
    root = await realpath(dir);
    path = await realpath(join(root, name));
  } catch {
    return null;
  }
  if (!path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? path : null;
}
