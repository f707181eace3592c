import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No two files of the application import each other, even through others and even for types only
 * (server/sync once did, over the mutation context's types): a circle means neither file can be
 * understood, tested or moved without the other. The layer rule (eslint.config.js) keeps folders in
 * order; this keeps files in order inside them. TypeScript's own pre-parser reads the imports: cheap,
 * and not fooled by comments or strings.
 */
const SOURCE_FOLDERS = ["shared", "renderer", "electron", "db", "server", "scripts"];
const SKIPPED = new Set(["node_modules", "dist", "migrations"]);
const SOURCE_FILE = /\.(ts|tsx|mts|mjs|js)$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".mjs", ".js", "/index.ts", "/index.tsx"];

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder)) {
    if (SKIPPED.has(entry)) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE_FILE.test(entry) && !entry.endsWith(".d.ts")) yield path;
  }
}

/** Relative imports of a file's text, resolved to files of `files`; packages and missing files are left out. */
function importedFiles(file: string, text: string, files: ReadonlySet<string>): string[] {
  const found = ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => fileName);
  return found
    .filter((specifier) => specifier.startsWith("."))
    .flatMap((specifier) => {
      const base = resolve(dirname(file), specifier);
      const target = EXTENSIONS.map((extension) => base + extension).find((candidate) => files.has(candidate));
      return target ? [target] : [];
    });
}

/** The circles of a graph: each strongly connected group of more than one file, or a file importing itself (Tarjan). */
function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

function graphOf(texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const files = new Set(texts.keys());
  return new Map([...texts].map(([file, text]) => [file, importedFiles(file, text, files)]));
}

describe("import cycles", () => {
  it("finds a circle made of type imports only, as server/sync had", () => {
    const folder = resolve("server/sync");
    const texts = new Map([
      [join(folder, "apply.ts"), 'import { offer } from "./offers";\nexport type Context = { now: Date };\n'],
      [join(folder, "offers.ts"), 'import type { Context } from "./apply";\nimport { isNew } from "./isNew";\n'],
      [join(folder, "isNew.ts"), 'export type { Context } from "./apply";\n'],
      [join(folder, "alone.ts"), '// import { offer } from "./offers";\nconst text = "import \'./apply\'";\n'],
    ]);
    expect(importCircles(graphOf(texts))).toEqual([[join(folder, "apply.ts"), join(folder, "isNew.ts"), join(folder, "offers.ts")]]);
  });

  it("finds none among the application's files", () => {
    const texts = new Map(SOURCE_FOLDERS.flatMap((folder) => [...sourceFiles(resolve(folder))]).map((file) => [file, readFileSync(file, "utf8")]));
    expect(texts.size).toBeGreaterThan(300);
    expect([...texts.keys()].some((file) => file.endsWith(join("server", "sync", "centralMutations.ts")))).toBe(true);
    const circles = importCircles(graphOf(texts)).map((group) => group.map((file) => relative(process.cwd(), file).split(sep).join("/")).join(" ↔ "));
    expect(circles, "imports en cercle").toEqual([]);
  });
});
