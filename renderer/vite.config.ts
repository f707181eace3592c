import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const rendererRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * The renderer is loaded from files inside the packaged app, so every asset URL must be
 * relative (base "./"); the Electron main sets the Content-Security-Policy header itself.
 */
export default defineConfig({
  root: rendererRoot,
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/renderer", import.meta.url)),
    emptyOutDir: true,
    // Loaded from the local disk, never over a network: one bundle of this size parses in tens of milliseconds.
    chunkSizeWarningLimit: 1500,
  },
});
