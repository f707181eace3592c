import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The runtime boundaries are only real if the linter fails on a wrong import. Each case feeds
 * a deliberately wrong import, as if it sat in that folder, and expects the error.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-imports").map((message) => message.message);
}

describe("import boundaries", () => {
  it.each([
    ["renderer/src/features/call/Wrong.tsx", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ["renderer/src/features/call/Wrong.tsx", 'import { readFileSync } from "fs";\nexport const x = readFileSync;\n'],
    ["renderer/src/stores/wrong.ts", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n'],
    ["renderer/src/stores/wrong.ts", 'import { patients } from "../../../db/local/schema";\nexport const x = patients;\n'],
    ["shared/domain/wrong.ts", 'import { join } from "node:path";\nexport const x = join;\n'],
    ["shared/api/wrong.ts", 'import { app } from "electron";\nexport const x = app;\n'],
    ["shared/api/wrong.ts", 'import Database from "better-sqlite3";\nexport const x = Database;\n'],
    ["electron/core/wrong.ts", 'import { app } from "electron";\nexport const x = app;\n'],
    ["server/wrong.ts", 'import { app } from "electron";\nexport const x = app;\n'],
    ["server/wrong.ts", 'import { createWorkstation } from "../electron/core/workstation";\nexport const x = createWorkstation;\n'],
    ["server/wrong.ts", 'import { App } from "../renderer/src/app/App";\nexport const x = App;\n'],
    ["shared/api/wrong.ts", 'import { App } from "../../renderer/src/app/App";\nexport const x = App;\n'],
    ["renderer/src/services/wrong.ts", 'import { WebSocket } from "ws";\nexport const x = WebSocket;\n'],
    ["db/local/wrong.ts", 'import { createWorkstation } from "../../electron/core/workstation";\nexport const x = createWorkstation;\n'],
  ])("fails %s importing what its runtime may not", async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ["renderer/src/stores/right.ts", 'import { toE164 } from "../../../shared/domain/phone";\nexport const x = toE164;\n'],
    ["electron/core/right.ts", 'import { join } from "node:path";\nexport const x = join;\n'],
    ["electron/main/right.ts", 'import { app } from "electron";\nexport const x = app;\n'],
  ])("lets %s import what its runtime may use", async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
