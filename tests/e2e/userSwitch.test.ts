import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALL_SCREEN_PAGE } from "../support/browserSession";
import type { CuttableLink } from "../support/cuttableLink";
import { harnessBehindLink, ringDemoAgent, useE2eWorld } from "../support/e2eWorld";

/**
 * Scenario 1 of issue 13, played as on the agency's floor: the supervisor works on a workstation whose
 * network drops, signs out with her work unsent, and the administrator tries to take the workstation.
 * Nothing may be lost: the switch is refused saying whose work waits; she signs back in once the network
 * is back, her work reaches the server; then the administrator signs in and his own work syncs too.
 * The workstation reaches the server through a relay the test cuts (tests/support/cuttableLink.ts).
 */
const world = useE2eWorld("changement-utilisateur", []);
const CALLER = "Gaston Vernier";
const MESSAGE_TEXT = "Rappeler au sujet du certificat de sport.";
let link: CuttableLink;
let station: Awaited<ReturnType<typeof harnessBehindLink>>;
let page: Page;

beforeAll(async () => {
  station = await harnessBehindLink(world(), "poste partagé");
  link = station.link;
  page = await world().browser.newPage(CALL_SCREEN_PAGE);
  await page.goto(station.harness.url);
});

afterAll(async () => {
  await page?.close();
  await station?.close();
});

const status = () => page.getByRole("status", { name: "État de la connexion" });
const loginDialog = () => page.getByRole("dialog", { name: "Connexion au serveur de l'agence" });

async function signIn(login: string): Promise<void> {
  if ((await loginDialog().count()) === 0) await page.getByRole("button", { name: "Se connecter" }).click();
  await loginDialog().getByLabel("Identifiant").fill(login);
  await loginDialog().getByLabel("Mot de passe").fill("demo");
  await loginDialog().getByRole("button", { name: "Se connecter" }).click();
}

async function takeCallWithMessage(text: string): Promise<void> {
  await page.getByLabel("Numéro appelé").fill("01 44 55 66 77");
  await page.getByRole("button", { name: "Ouvrir l'appel" }).click();
  await page.getByRole("region", { name: "Fiche cabinet" }).waitFor();
  await page.keyboard.press("Alt+KeyM");
  const message = page.getByRole("dialog", { name: "Message pour le médecin" });
  await message.getByLabel("Nom de l'appelant").fill(CALLER);
  await message.getByLabel("Message", { exact: true }).fill(text);
  await page.keyboard.press("Control+Enter");
  await expect.poll(() => message.count(), { timeout: 5_000 }).toBe(0);
  await page.keyboard.press("Alt+KeyC");
  const closing = page.getByRole("dialog", { name: "Clôturer l'appel" });
  expect(await closing.getByRole("radio", { name: "Message pris pour le médecin" }).isChecked()).toBe(true);
  await closing.getByRole("button", { name: "Enregistrer l'issue" }).click();
  await expect.poll(() => closing.count(), { timeout: 5_000 }).toBe(0);
}

async function messagesOnServer(text: string): Promise<number> {
  const [row] = (await world().server.db.execute<{ count: string }>(sql`SELECT count(*) FROM message WHERE text = ${text}`)).rows;
  return Number(row!.count);
}

describe("another user on a workstation with work unsent", () => {
  it("the supervisor works through a network cut: her call and message wait on the workstation", async () => {
    await signIn("superviseur");
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toContain("En ligne");

    link.cut();
    await takeCallWithMessage(MESSAGE_TEXT);

    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toContain("Hors ligne");
    expect(await status().textContent()).toMatch(/\d modifications en attente/);
    expect(await messagesOnServer(MESSAGE_TEXT)).toBe(0);
  });

  it("signing out asks first and lists what waits; she signs out anyway", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    const ask = page.getByRole("dialog", { name: "Se déconnecter\u00A0?" });
    await expect.poll(() => ask.getByRole("list", { name: "Modifications en attente" }).textContent()).toContain(`Message pour le médecin de ${CALLER}`);
    expect(await page.locator(":focus").textContent()).toBe("Rester connectée");

    await ask.getByRole("button", { name: "Se déconnecter quand même" }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain("Non connecté");
    expect(await status().textContent()).toMatch(/\d modifications en attente/);
  });

  it("the administrator cannot take the workstation while her work waits, and is told whose it is", async () => {
    link.restore();
    await signIn("admin");

    await expect
      .poll(() => loginDialog().getByRole("alert").textContent(), { timeout: 10_000 })
      .toMatch(/modifications de Nathalie Girard ne sont pas encore envoyées au serveur : Nathalie Girard doit se reconnecter sur ce poste/);
    expect(await status().textContent()).toContain("Non connecté");
  });

  it("she signs back in: her work reaches the server, nothing lost and nothing twice", async () => {
    await signIn("superviseur");
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toContain("En ligne");
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).not.toContain("en attente");
    expect(await messagesOnServer(MESSAGE_TEXT)).toBe(1);

    // Nothing pending and no call on the line: no question asked.
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect.poll(() => status().textContent(), { timeout: 15_000 }).toContain("Non connecté");
    // Signed out, the workstation hears no call for her any more: no socket of hers is left on the server.
    const ringing = await ringDemoAgent(world(), "superviseur", "apres-la-deconnexion");
    expect([ringing.status, ringing.body.delivered]).toEqual([202, 0]);
    expect(await page.getByRole("region", { name: "Appel en cours" }).count()).toBe(0);
  });

  it("then the administrator takes the workstation, and his own work syncs (the workstation is not jammed)", async () => {
    await signIn("admin");
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toContain("En ligne");
    expect(await page.getByText("Session : Marc Lefort").count()).toBe(1);

    const adminsText = "Message pris par l'administrateur.";
    await takeCallWithMessage(adminsText);

    await expect.poll(() => messagesOnServer(adminsText), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => /En ligne/.test((await status().textContent()) ?? "") && !/en attente/.test((await status().textContent()) ?? ""), { timeout: 30_000 }).toBe(true);
  });
});
