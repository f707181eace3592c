import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer boundaries are only real if the linter fails on a wrong import. Each case feeds an
 * import, as if it sat in that folder, and expects the import-boundaries error (or none).
 */
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = "telesec/import-boundaries";

interface Layer {
  folders: string[];
  packages: string[];
  node: boolean;
}

async function boundaryErrors(filePath: string, code: string): Promise<{ line: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === RULE).map(({ line, message }) => ({ line, message }));
}

/** The allow-lists as ESLint applies them, read from the live configuration rather than copied here. */
async function layerTable(): Promise<Record<string, Layer>> {
  const config = (await eslint.calculateConfigForFile("server/index.ts")) as { rules: Record<string, [unknown, { layers: Record<string, Layer> }]> };
  return config.rules[RULE]![1].layers;
}

const isFileLayer = (name: string) => /\.(js|ts)$/.test(name);
/** A file of that layer, and nothing more specific (tests/__probe__.ts is in tests, not tests/renderer). */
const probeFile = (name: string) => (isFileLayer(name) ? name : `${name}/__probe__.ts`);
/** The relative specifier from `from` (a repository path) to `to`. */
function relativeSpecifier(from: string, to: string): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = to.replace(/\.ts$/, "").split("/");
  let common = 0;
  while (common < fromParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  return `${up === 0 ? "./" : "../".repeat(up)}${toParts.slice(common).join("/")}`;
}
/** One import per line, all used, valid as JavaScript and TypeScript alike. */
const importLines = (specifiers: readonly string[]) =>
  `${specifiers.map((specifier, index) => `import * as m${index} from "${specifier}";`).join("\n")}\nexport const all = [${specifiers.map((_, index) => `m${index}`).join(", ")}];\n`;

describe("import boundaries", () => {
  it.each([
    // What issue 12 found: a folder circle, a missing rule, main reaching into the preload.
    ["db/seed/cli.ts", "server/", 'import { openCentralDatabase } from "../../server/database/openCentralDatabase";\nexport const x = openCentralDatabase;\n'],
    ["db/seed/seedCentral.ts", "server/", 'import { hashPassword } from "../../server/auth/passwords";\nexport const x = hashPassword;\n'],
    ["db/seed/cli.ts", "server/", 'import { StartupError } from "../../server/startupError";\nexport const x = StartupError;\n'],
    ["server/startServer.ts", "db/seed/", 'import { seedCentral } from "../db/seed/seedCentral";\nexport const x = seedCentral;\n'],
    ["electron/core/workstation.ts", "server/", 'import { pushMutations } from "../../server/sync/push";\nexport const x = pushMutations;\n'],
    ["electron/core/sync/syncClient.ts", "server/", 'import type { ServerContext } from "../../../server/context";\nexport type X = ServerContext;\n'],
    ["electron/main/index.ts", "electron/preload/", 'import { RENDERER_PORT_CHANNEL } from "../preload/portChannel";\nexport const x = RENDERER_PORT_CHANNEL;\n'],
    ["server/demo/seedDemoAgency.ts", "server/", 'import type { ServerContext } from "../context";\nexport type X = ServerContext;\n'],
    // The runtime boundaries kept from the former forbidden-names lists.
    ["renderer/src/features/call/Wrong.tsx", "node:fs", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ["renderer/src/features/call/Wrong.tsx", "« fs »", 'import { readFileSync } from "fs";\nexport const x = readFileSync;\n'],
    ["renderer/src/stores/wrong.ts", "« electron »", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n'],
    ["renderer/src/stores/wrong.ts", "db/local/", 'import { patients } from "../../../db/local/schema";\nexport const x = patients;\n'],
    ["renderer/src/services/wrong.ts", "« ws »", 'import { WebSocket } from "ws";\nexport const x = WebSocket;\n'],
    ["renderer/src/services/wrong.ts", "« drizzle-orm »", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n'],
    ["renderer/src/services/wrong.ts", "« pg »", 'import pg from "pg";\nexport const x = pg;\n'],
    ["renderer/src/services/wrong.ts", "db/central/", 'export type Schema = typeof import("../../../db/central/schema");\n'],
    ["shared/domain/wrong.ts", "node:path", 'import { join } from "node:path";\nexport const x = join;\n'],
    ["shared/api/wrong.ts", "« electron »", 'import { app } from "electron";\nexport const x = app;\n'],
    ["shared/api/wrong.ts", "« better-sqlite3 »", 'import Database from "better-sqlite3";\nexport const x = Database;\n'],
    ["shared/api/wrong.ts", "renderer/src/", 'import { App } from "../../renderer/src/app/App";\nexport const x = App;\n'],
    ["shared/api/wrong.ts", "db/local/", 'export { patients } from "../../db/local/schema";\n'],
    ["electron/core/wrong.ts", "« electron »", 'import { app } from "electron";\nexport const x = app;\n'],
    ["electron/core/wrong.ts", "renderer/src/", 'export const x = import("../../renderer/src/app/App");\n'],
    ["electron/preload/wrong.ts", "node:fs", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ["electron/preload/wrong.ts", "electron/core/", 'export * from "../core/workstation";\n'],
    ["server/wrong.ts", "« electron »", 'import { app } from "electron";\nexport const x = app;\n'],
    ["server/wrong.ts", "electron/core/", 'import { createWorkstation } from "../electron/core/workstation";\nexport const x = createWorkstation;\n'],
    ["server/wrong.ts", "renderer/src/", 'import { App } from "../renderer/src/app/App";\nexport const x = App;\n'],
    ["db/local/wrong.ts", "electron/core/", 'import { createWorkstation } from "../../electron/core/workstation";\nexport const x = createWorkstation;\n'],
    ["db/central/wrong.ts", "server/", 'import type { ServerContext } from "../../server/context";\nexport type X = ServerContext;\n'],
    ["tests/server/wrong.test.ts", "renderer/src/", 'import { App } from "../../renderer/src/app/App";\nexport const x = App;\n'],
    ["tests/renderer/wrong.test.ts", "node:fs", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    // A package nobody listed, even one that is installed.
    ["server/wrong.ts", "« esbuild »", 'import esbuild from "esbuild";\nexport const x = esbuild;\n'],
  ])("refuses %s importing %s", async (filePath, named, code) => {
    const errors = await boundaryErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(named);
    expect(errors[0]!.message).toMatch(/^Import refusé : .* Autorisé ici : /);
  });

  it.each([
    ["renderer/src/stores/right.ts", 'import { toE164 } from "../../../shared/domain/phone";\nexport const x = toE164;\n'],
    ["renderer/src/stores/right.ts", 'import { create } from "zustand";\nexport const x = create;\n'],
    ["electron/core/right.ts", 'import { join } from "node:path";\nexport const x = join;\n'],
    ["electron/main/right.ts", 'import { app } from "electron";\nexport const x = app;\n'],
    ["electron/main/index.ts", 'import { RENDERER_PORT_CHANNEL } from "../../shared/api/rendererPortChannel";\nexport const x = RENDERER_PORT_CHANNEL;\n'],
    ["electron/preload/index.ts", 'import { RENDERER_PORT_CHANNEL } from "../../shared/api/rendererPortChannel";\nexport const x = RENDERER_PORT_CHANNEL;\n'],
    ["db/seed/cli.ts", 'import { openCentralDatabase } from "../central/openCentralDatabase";\nexport const x = openCentralDatabase;\n'],
    ["db/seed/seedCentral.ts", 'import { hashPassword } from "../central/passwords";\nexport const x = hashPassword;\n'],
    ["server/demo/seedDemoAgency.ts", 'import { seedCentral } from "../../db/seed/seedCentral";\nexport const x = seedCentral;\n'],
    ["server/startServer.ts", 'import { seedDemoAgencyOnce } from "./demo/seedDemoAgency";\nexport const x = seedDemoAgencyOnce;\n'],
    ["server/security/loginThrottle.ts", 'import type { CentralTx } from "../centralTransaction";\nexport type X = CentralTx;\n'],
    ["tests/renderer/right.test.ts", 'import { render } from "@testing-library/react";\nexport const x = render;\n'],
    ["tests/server/right.test.ts", 'import { startServer } from "../../server/startServer";\nexport const x = startServer;\n'],
  ])("lets %s import what its layer lists", async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });

  it("refuses a file that belongs to no layer, so a new folder must say what it may import", async () => {
    const errors = await boundaryErrors("tools/new.ts", "export const x = 1;\n");
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining("n'appartient à aucune couche")]);
  });

  it("enforces every entry of every allow-list, and refuses everything else", async () => {
    const layers = await layerTable();
    const names = Object.keys(layers);
    expect(names.length).toBeGreaterThan(10);
    for (const [name, layer] of Object.entries(layers)) {
      const file = probeFile(name);
      const probes: { specifier: string; allowed: boolean }[] = [
        ...names.filter((other) => other !== name).map((other) => ({ specifier: relativeSpecifier(file, probeFile(other)), allowed: layer.folders.includes(other) })),
        { specifier: "node:fs", allowed: layer.node },
        { specifier: "fs/promises", allowed: layer.node },
        { specifier: "electron", allowed: layer.packages.includes("electron") },
        { specifier: "left-pad", allowed: false },
        { specifier: "@scope/unlisted/sub", allowed: false },
        ...layer.packages.map((pkg) => ({ specifier: `${pkg}/some/subpath`, allowed: true })),
      ];
      const refusedLines = new Set((await boundaryErrors(file, importLines(probes.map((probe) => probe.specifier)))).map((error) => error.line));
      const verdicts = probes.map((probe, index) => ({ ...probe, refused: refusedLines.has(index + 1) }));
      expect(verdicts.filter((verdict) => verdict.refused === verdict.allowed), `${name}: ${file}`).toEqual([]);
    }
  });

  it("lists only layers that exist and packages the project declares", async () => {
    const layers = await layerTable();
    const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
    for (const [name, layer] of Object.entries(layers)) {
      expect(layer.folders.filter((folder) => !(folder in layers)), name).toEqual([]);
      expect(layer.packages.filter((pkg) => !declared.has(pkg)), name).toEqual([]);
    }
  });

  it("only lets imports go down: no allow-list leads back to a layer that lists it", async () => {
    const layers = await layerTable();
    const circles: string[] = [];
    const visit = (name: string, path: readonly string[]) => {
      for (const next of layers[name]!.folders) {
        if (path.includes(next)) circles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else visit(next, [...path, next]);
      }
    };
    for (const name of Object.keys(layers)) visit(name, [name]);
    expect(circles).toEqual([]);
  });
});
