// Import boundaries between runtimes are enforced here, not by good intentions:
// a renderer file that reaches for node:fs or the database fails the build.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";
import globals from "globals";

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));
/** A relative import reaching into a top-level folder of this repository. */
const intoFolder = (folder) => `^(\\.\\.?/)+(.*/)?${folder}/`;

// Each restriction names exact packages (`paths`) and regular expressions (`patterns`): glob
// patterns would also catch look-alikes such as shared/domain (Node has a "domain" module).
const noNode = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: "Ce code s'exécute hors de Node : aucun module intégré de Node ici (frontière d'exécution).",
  })),
  patterns: [{ regex: "^node:", message: "Ce code s'exécute hors de Node : aucun module intégré de Node ici (frontière d'exécution)." }],
};
const noElectron = {
  paths: [{ name: "electron", message: "Seuls electron/main et electron/preload peuvent importer electron (frontière d'exécution)." }],
  patterns: [{ regex: "^electron/", message: "Seuls electron/main et electron/preload peuvent importer electron (frontière d'exécution)." }],
};
const noDb = {
  paths: ["better-sqlite3", "pg", "ws"].map((name) => ({
    name,
    message: "Le rendu et shared/ n'accèdent jamais à la base ni au réseau du poste : passez par window.telesec.",
  })),
  patterns: [
    { regex: intoFolder("db"), message: "Le rendu et shared/ n'accèdent jamais à la base : passez par window.telesec ou shared/api." },
    { regex: "^drizzle-orm(/|$)", message: "Le rendu et shared/ n'accèdent jamais à la base : passez par window.telesec ou shared/api." },
  ],
};
const noElectronFolder = {
  paths: [],
  patterns: [{ regex: intoFolder("electron"), message: "Le serveur et db/ n'importent jamais le code du poste (electron/)." }],
};
const noRenderer = {
  paths: [],
  patterns: [{ regex: intoFolder("renderer"), message: "Le code Node et shared/ n'importent jamais le rendu (renderer/)." }],
};

const restrict = (...restrictions) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: restrictions.flatMap((restriction) => restriction.paths),
      patterns: restrictions.flatMap((restriction) => restriction.patterns),
    },
  ],
});

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "dist-server/**", ".data/**", "release/**", "renderer/dist/**", "test-results/**", "db/**/migrations/**", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["renderer/**/*.{ts,tsx}"], rules: restrict(noNode, noElectron, noDb) },
  { files: ["shared/**/*.ts"], rules: restrict(noNode, noElectron, noDb, noRenderer) },
  { files: ["electron/core/**/*.ts"], rules: restrict(noElectron, noRenderer) },
  { files: ["server/**/*.ts"], rules: restrict(noElectron, noElectronFolder, noRenderer) },
  { files: ["db/**/*.ts"], rules: restrict(noElectron, noElectronFolder, noRenderer) },
  { files: ["renderer/vite.config.ts"], rules: { "no-restricted-imports": "off" } },
  { files: ["scripts/**/*.mjs", "*.config.{js,ts}"], languageOptions: { globals: globals.node } },
);
