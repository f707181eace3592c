import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { useTempDirs } from "../support/tempDir";

/**
 * scripts/native-module.mjs: one build of the encrypted SQLite module per runtime, side by side. Builds
 * run under a lock (scripts/native/buildOnce.mjs, driven here with a fake build); `npm start` first checks
 * that Electron can be had and, where it cannot, says so in one line and changes nothing — for real on a
 * machine that cannot download Electron, such as the integration machines.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const fakeBuild = join(root, "tests", "packaging", "fixtures", "fakeNativeBuild.mjs");
const nativeRoot = join(root, "node_modules", ".telesec-native");
const nodeBuild = join(root, "node_modules", "better-sqlite3", "build", "Release", "better_sqlite3.node");
const electronDir = join(root, "node_modules", "electron");
const electronVersion = (JSON.parse(readFileSync(join(electronDir, "package.json"), "utf8")) as { version: string }).version;
const electronArch = process.arch === "arm" ? "armv7l" : process.arch;
const electronBuildReady = existsSync(join(nativeRoot, `electron-${process.platform}-${electronArch}`, "build.json"));

const tempDir = useTempDirs();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** What must stay untouched: the Node build (same file, same bytes' date) and the Electron build folders. */
function nativeState() {
  const node = statSync(nodeBuild);
  return { node: { ino: node.ino, size: node.size, mtimeMs: node.mtimeMs }, electron: existsSync(nativeRoot) ? readdirSync(nativeRoot).filter((name) => name.startsWith("electron-")).sort() : [] };
}

/** An environment without whatever would let the script find or fetch Electron another way. */
function bareEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ELECTRON_|electron_config_|npm_config_(devdir|proxy|https_proxy|electron_mirror)$|HTTPS?_PROXY$|https?_proxy$|GLOBAL_AGENT_)/.test(name)) delete env[name];
  }
  return { ...env, ...extra };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("builds under a lock", () => {
  it("two concurrent runs build once: the second waits, then reuses the first one's build", async () => {
    const dir = tempDir();
    const [lock, output, log, go] = ["out.lock", "out", "log", "go"].map((name) => join(dir, name)) as [string, string, string, string];
    const first = run(process.execPath, [fakeBuild, lock, output, log, go]);
    await vi.waitFor(() => expect(readFileSync(log, "utf8")).toMatch(/^build /m), { timeout: 20_000, interval: 20 });
    const second = run(process.execPath, [fakeBuild, lock, output, log, go]);
    await vi.waitFor(() => expect(readFileSync(log, "utf8")).toMatch(/^wait /m), { timeout: 20_000, interval: 20 });
    writeFileSync(go, "");
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.map(({ code }) => code)).toEqual([0, 0]);
    expect(outcomes.map(({ stdout }) => stdout)).toEqual(["built", "reused"]);
    expect(readFileSync(log, "utf8").match(/^build /gm)).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
  });

  it("a lock left by a process that died is stale: the next run removes it and builds", async () => {
    const dir = tempDir();
    const [lock, output, log, go] = ["out.lock", "out", "log", "go"].map((name) => join(dir, name)) as [string, string, string, string];
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    mkdirSync(lock);
    writeFileSync(join(lock, "owner.json"), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), token: "dead", since: "2026-01-01T00:00:00Z" }));
    writeFileSync(go, "");
    const result = await run(process.execPath, [fakeBuild, lock, output, log, go]);
    expect(result).toMatchObject({ code: 0, stdout: "built" });
    expect(readFileSync(log, "utf8")).not.toMatch(/^wait /m);
    expect(existsSync(lock)).toBe(false);
  });
});

describe("`npm start` where Electron cannot be had", () => {
  const binaryMissing = !existsSync(join(electronDir, "path.txt"));

  it.runIf(binaryMissing)(
    "prints one French line, exits non-zero and changes nothing; the Node run then starts without rebuilding",
    async () => {
      const before = nativeState();
      // Nothing leaves this machine: the places Electron would come from are closed local ports.
      const closed = `http://127.0.0.1:${await closedPort()}`;
      const start = await run("npm", ["start", "--silent"], bareEnv({ TELESEC_ELECTRON_BINARY_URL: closed, TELESEC_ELECTRON_HEADERS_URL: closed }));
      expect(start.code).not.toBe(0);
      expect(start.stdout).toBe("");
      expect(start.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Electron introuvable : le binaire d'Electron \S+ n'a pas été téléchargé .* rien n'a été modifié\.$/)]);
      expect(nativeState()).toEqual(before);

      // No rebuild: it says nothing (a rebuild announces itself) and the Node build is the same file.
      const node = await run(process.execPath, ["scripts/native-module.mjs", "node"]);
      expect(node).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(nativeState()).toEqual(before);
    },
    60_000,
  );

  it.runIf(!electronBuildReady)("with the binary but no way to its headers: the headers' line, nothing changed", async () => {
    const fakeDist = tempDir();
    writeFileSync(join(fakeDist, "electron"), "#!/bin/sh\nexit 1\n");
    chmodSync(join(fakeDist, "electron"), 0o755);
    const home = tempDir();
    const before = nativeState();
    const result = await run(
      process.execPath,
      ["scripts/native-module.mjs", "electron"],
      bareEnv({
        ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
        HOME: home,
        USERPROFILE: home,
        XDG_CACHE_HOME: join(home, ".cache"),
        LOCALAPPDATA: join(home, "AppData", "Local"),
        TELESEC_ELECTRON_HEADERS_URL: `http://127.0.0.1:${await closedPort()}`,
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^En-têtes d'Electron ${electronVersion.replaceAll(".", "\\.")} introuvables : .* rien n'a été modifié\\.$`))]);
    expect(nativeState()).toEqual(before);
    expect(readdirSync(home)).toEqual([]);
  });
});
