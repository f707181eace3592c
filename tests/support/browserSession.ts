import type { Browser, Page } from "playwright-core";

/** The page size and locale every end-to-end test looks at the call screen with. */
export const CALL_SCREEN_PAGE = { viewport: { width: 1366, height: 768 }, locale: "fr-FR", timezoneId: "Europe/Paris" } as const;

/**
 * Opens the browser harness at `url` and logs in through the UI ("Se connecter", the login dialog),
 * then waits for the connection indicator to say "En ligne" (first sync done). Waits with
 * Playwright's locators rather than vitest's `expect.poll`, so it works in `beforeAll` and benches.
 */
export async function logInThroughUi(browser: Browser, url: string, login: string, password = "demo"): Promise<Page> {
  const page = await browser.newPage(CALL_SCREEN_PAGE);
  await page.goto(url);
  const status = page.getByRole("status", { name: "État de la connexion" });
  await status.filter({ hasText: "Non connecté" }).waitFor({ timeout: 10_000 });
  await page.getByRole("button", { name: "Se connecter" }).click();
  const dialog = page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
  await dialog.getByLabel("Identifiant").fill(login);
  await dialog.getByLabel("Mot de passe").fill(password);
  await dialog.getByRole("button", { name: "Se connecter" }).click();
  await status.filter({ hasText: "En ligne" }).waitFor({ timeout: 30_000 });
  return page;
}
