import { startStopwatch } from "../../shared/time/clock";
import { BROWSER_ENV, BrowserNotFoundError, resolveBrowser } from "./browserFinder";

/**
 * The e2e project's browser, found once per run rather than in each test file's worker: the packaged
 * Chromium's first extraction takes a couple of seconds. The path goes to the workers through
 * TELESEC_BROWSER (vitest starts them with this process's environment), where the finder only checks it.
 * Where no browser can be had, the run stops on one French line instead of every file failing.
 */
export default async function setup(): Promise<void> {
  const elapsed = startStopwatch();
  let browser;
  try {
    browser = await resolveBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    // The line alone, not a stack trace pointing at this file.
    error.stack = `${error.message}`;
    throw error;
  }
  process.env[BROWSER_ENV] = browser.executablePath;
  const where = { TELESEC_BROWSER: "indiqué par TELESEC_BROWSER", system: "du système", package: "fourni par @sparticuz/chromium" }[browser.source];
  const took = elapsed();
  console.log(`Navigateur des tests bout-en-bout : ${browser.executablePath} (${where}${took >= 500 ? `, prêt en ${(took / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s` : ""})`);
}
