import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { resolveBrowser } from "./browserFinder";

/**
 * A Chromium-family browser found by ./browserFinder (TELESEC_BROWSER, the system's, or the one in
 * the @sparticuz/chromium dev dependency), driven by playwright-core (no browser download). The
 * flags keep it off the network: this machine reaches only package registries, and Chromium's
 * background services would otherwise keep knocking on closed doors.
 */
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
export async function launchChromium(): Promise<Browser> {
  const browser = await resolveBrowser();
  const extra = Object.keys(browser.env).length > 0;
  return chromium.launch({
    executablePath: browser.executablePath,
    args: CHROMIUM_FLAGS,
    headless: true,
    // Playwright replaces the environment when given one: the inherited variables plus the browser's own.
    ...(extra ? { env: { ...definedEnv(), ...browser.env } } : {}),
  });
}

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Where end-to-end tests keep what a person would look at: screenshots. */
export const E2E_OUTPUT_DIR = join(process.cwd(), "test-results", "e2e");
