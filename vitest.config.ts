import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

/**
 * Five projects, run by `npm test`: unit (pure code, Node), component (React in jsdom),
 * integration (real encrypted SQLite files, real sockets), packaging (the packaged app, the update
 * feed) and e2e (chromium driving the browser harness).
 */
export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/shared/**/*.test.ts", "tests/electron/**/*.test.ts", "tests/lint/**/*.test.ts", "tests/tooling/**/*.test.ts"],
        },
      },
      {
        plugins: [react()],
        test: {
          name: "component",
          environment: "jsdom",
          include: ["tests/renderer/**/*.test.{ts,tsx}", "tests/portal/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/renderer/setup.ts"],
          // A whole screen driven key by key in jsdom takes 2–4 s here; 5 s (the default) was too near.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/core/**/*.test.ts", "tests/db/**/*.test.ts", "tests/server/**/*.test.ts"],
          // One real PostgreSQL for the run, with a migrated template database (tests/support/postgres.ts).
          globalSetup: ["tests/support/postgresGlobalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // What IT deploys: the packaged app's contents (electron-builder against a stand-in Electron,
          // scripts/package-dir.mjs) and the server's update feed. Needs no database.
          name: "packaging",
          environment: "node",
          include: ["tests/packaging/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          // The browser, found (or extracted from @sparticuz/chromium) once for the run: tests/support/browserFinder.ts.
          globalSetup: ["tests/support/browserGlobalSetup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
