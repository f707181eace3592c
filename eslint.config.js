// Import boundaries between runtimes are enforced here, not by good intentions:
// a renderer file that reaches for node:fs or the database fails the build.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_"));
const nodeBuiltinPatterns = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`)];

const noNode = {
  group: nodeBuiltinPatterns.flatMap((name) => [name, `${name}/*`]),
  message: "Ce code s'exécute hors de Node : aucun module intégré de Node ici (frontière d'exécution).",
};
const noElectron = {
  group: ["electron", "electron/*"],
  message: "Seuls electron/main et electron/preload peuvent importer electron (frontière d'exécution).",
};
const noDb = {
  group: ["**/db/**", "better-sqlite3", "drizzle-orm", "drizzle-orm/*", "pg", "ws"],
  message: "Le rendu et shared/ n'accèdent jamais à la base : passez par window.telesec ou shared/api.",
};
const noElectronFolder = {
  group: ["**/electron/**"],
  message: "Le serveur n'importe jamais le code du poste (electron/).",
};
const noRenderer = {
  group: ["**/renderer/**"],
  message: "Le code Node n'importe jamais le rendu (renderer/).",
};

const restrict = (...patterns) => ({
  "no-restricted-imports": ["error", { patterns }],
});

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "release/**", "renderer/dist/**", "test-results/**", "db/**/migrations/**", "**/*.d.ts"],
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
);
