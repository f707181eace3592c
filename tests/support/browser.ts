import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, driven by playwright-core (no browser download). The flags keep it off the
 * network: this machine reaches only package registries, and Chromium's background services
 * would otherwise keep knocking on closed doors.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/** Playwright gives each launch a fresh, throw-away profile of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** Where end-to-end tests keep what a person would look at: screenshots. */
export const E2E_OUTPUT_DIR = join(process.cwd(), "test-results", "e2e");
