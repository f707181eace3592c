import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directives, practitioners, users } from "../../db/central/schema";
import { keyFileProvider } from "../../db/local/keyFileProvider";
import { openLocalStore } from "../../db/local/openLocalStore";
import { DEMO_PATIENT, DEMO_PRACTICE } from "../../db/seed/demo";
import { createWorkstation, STORE_FILE, type Workstation } from "../../electron/core/workstation";
import type { RunningServer } from "../../server/startServer";
import { DEMO_PBX_SECRET } from "../../server/telephony/demoPbxLink";
import { E2E_OUTPUT_DIR } from "../support/browser";
import { logInThroughUi } from "../support/browserSession";
import { postPbxEvent, type PbxEvent } from "../support/pbx";
import { useE2eWorld } from "../support/e2eWorld";
import { eventually } from "../support/eventually";
import { dateOf } from "../../shared/time/clock";

/**
 * Issue "Call workspace", end to end: a real server in demo mode (embedded PostgreSQL, demo agency,
 * demo PBX link), the secretary's workstation in the browser harness logged in through the UI, and
 * a supervisor's workstation core beside it. The PBX announces a call for the Tilleuls from Hélène
 * Kerébel's mobile: it pops in Chromium, the secretary takes a message (Alt+M), the caller hangs
 * up, she saves the outcome; the supervisor's workstation receives the call and the message by sync.
 */
const world = useE2eWorld("call", ["secretaire"]);
let server: RunningServer;
let root: string;
let supervisor: Workstation;
let page: Page;

/** Facts of the demo seed read from the central database: what the panes must show. */
let practitionerNames: string[];
let emergencyDirectiveTitle: string;
let secretaryUserId: string;

const CALLER_SHORT_NAME = `${DEMO_PATIENT.usedName.toLocaleUpperCase("fr-FR")} ${DEMO_PATIENT.firstName}`;
const EXTERNAL_CALL_ID = "e2e-1763888400.17";
const MESSAGE_TEXT = "Souhaite le renouvellement de son ordonnance de lévothyrox avant vendredi.";
const CLOSING_NOTES = "Message transmis, rappel promis dans la journée.";

beforeAll(async () => {
  ({ server, root } = world());
  const team = await server.db.select().from(practitioners).where(eq(practitioners.practiceId, DEMO_PRACTICE.id));
  practitionerNames = team.map((p) => [p.title, p.firstName, p.lastName].filter((part) => part !== "").join(" "));
  const [emergency] = await server.db
    .select({ title: directives.title })
    .from(directives)
    .where(and(eq(directives.practiceId, DEMO_PRACTICE.id), eq(directives.category, "urgence"), isNull(directives.validFrom), isNull(directives.validTo)));
  emergencyDirectiveTitle = emergency!.title;
  const [user] = await server.db.select({ id: users.id }).from(users).where(eq(users.login, "secretaire"));
  secretaryUserId = user!.id;

  const supervisorDir = join(root, "superviseur");
  supervisor = await createWorkstation({ dataDir: supervisorDir, keyProvider: keyFileProvider(join(supervisorDir, "store.key")), serverUrl: server.url, clock: world().clock });
  await supervisor.handlers["session.login"]({ login: "superviseur", password: "demo" });
  page = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
});

afterAll(() => supervisor?.close());

const pbx = (event: PbxEvent) => postPbxEvent(server.url, DEMO_PBX_SECRET, event);

/** The supervisor's encrypted store, read beside its running core (WAL lets a second reader in). */
async function supervisorCall(callId: string) {
  const dataDir = join(root, "superviseur");
  const key = await keyFileProvider(join(dataDir, "store.key")).readKey();
  const store = openLocalStore({ path: join(dataDir, STORE_FILE), key: key! });
  try {
    return store.sqlite
      .prepare("SELECT practice_id, external_call_id, dialled_number, caller_number, patient_id, user_id, ended_at, outcome, notes, links FROM call WHERE id = ?")
      .get(callId) as
      | {
          practice_id: string;
          external_call_id: string;
          dialled_number: string;
          caller_number: string;
          patient_id: string | null;
          user_id: string | null;
          ended_at: number | null;
          outcome: string | null;
          notes: string | null;
          links: string;
        }
      | undefined;
  } finally {
    store.close();
  }
}

describe("a call popped by the telephony, handled in the browser, seen by a second workstation", () => {
  let callId: string;
  let endedAt: string;

  it("pops the banner and the three panes of the dialled practice, with the identified caller", async () => {
    const ringing = await pbx({
      event: "ringing",
      callId: EXTERNAL_CALL_ID,
      calledNumber: "01 44 55 66 77",
      callerNumber: "06 12 34 56 78",
      agent: "secretaire",
      at: new Date(world().clock.now() - 60_000).toISOString(),
    });
    expect(ringing.status).toBe(202);
    // The secretary's workstation was connected: the server reached its socket.
    expect(ringing.body.delivered).toBe(1);
    callId = ringing.body.callId as string;

    const banner = page.getByRole("region", { name: "Appel en cours" });
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(DEMO_PRACTICE.name);
    const bannerText = (await banner.textContent()) ?? "";
    expect(bannerText).toContain("06 12 34 56 78");
    await expect.poll(() => banner.textContent()).toContain(CALLER_SHORT_NAME);
    expect(bannerText).toContain("Sonnerie");

    const card = page.getByRole("region", { name: "Fiche cabinet" });
    await expect.poll(() => card.getByRole("heading", { level: 2 }).textContent()).toBe(DEMO_PRACTICE.name);
    const cardText = (await card.textContent()) ?? "";
    expect(practitionerNames).toHaveLength(DEMO_PRACTICE.practitionerCount);
    for (const name of practitionerNames) expect(cardText).toContain(name);
    const callerMatches = card.getByRole("list", { name: "Patients correspondant au numéro" });
    await expect.poll(() => callerMatches.textContent()).toContain(CALLER_SHORT_NAME);
    expect(await callerMatches.textContent()).toContain(DEMO_PATIENT.birthName.toLocaleUpperCase("fr-FR"));
    expect(cardText).not.toContain("Appelant inconnu");

    // Scenario « Entrée en plein appel »: after the sign-in and the pop, focus is where the call's work
    // starts, not on « Se déconnecter »; a habitual Enter there keeps the session.
    const focused = page.locator(":focus");
    await expect.poll(async () => ((await focused.count()) === 1 ? await focused.getAttribute("id") : null)).toMatch(/^(champ-recherche-patient|choix-patient-appelant)$/);
    await page.keyboard.press("Enter");
    expect(await page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);
    expect(await page.getByRole("dialog", { name: "Se déconnecter\u00A0?" }).count()).toBe(0);

    const consignes = page.getByRole("region", { name: "Consignes" });
    await expect.poll(() => consignes.getByRole("heading", { name: emergencyDirectiveTitle }).count()).toBe(1);
    expect(await consignes.textContent()).toMatch(/15/);

    const agenda = page.getByRole("region", { name: "Agenda" });
    await expect.poll(() => agenda.getByRole("table").count()).toBeGreaterThan(0);
    const columns = agenda.getByRole("region", { name: /^Agenda de / });
    await expect.poll(() => columns.count()).toBe(DEMO_PRACTICE.practitionerCount);
    for (const name of practitionerNames) expect(await agenda.getByRole("region", { name: `Agenda de ${name}` }).count()).toBe(1);

    const answered = await pbx({ event: "answered", callId: EXTERNAL_CALL_ID, agent: "secretaire", at: new Date(world().clock.now() - 50_000).toISOString() });
    expect(answered.status).toBe(202);
    await expect.poll(() => banner.textContent()).toContain("En ligne");

    mkdirSync(E2E_OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: join(E2E_OUTPUT_DIR, "telephony-call-popped.png") });
  });

  it("takes a message for a practitioner with Alt+M, linked to the caller", async () => {
    await page.keyboard.press("Alt+KeyM");
    const dialog = page.getByRole("dialog", { name: "Message pour le médecin" });
    await expect.poll(() => dialog.count()).toBe(1);
    // Filled from the call: the identified patient and the number that called.
    expect(await dialog.getByLabel("Nom de l'appelant").inputValue()).toBe(CALLER_SHORT_NAME);
    expect(await dialog.getByLabel("Numéro de rappel").inputValue()).toBe("06 12 34 56 78");
    await dialog.getByLabel("Praticien").selectOption({ label: practitionerNames[0]! });
    await dialog.getByLabel("Catégorie").selectOption({ label: "Ordonnance" });
    await dialog.getByLabel("Message", { exact: true }).fill(MESSAGE_TEXT);
    await page.keyboard.press("Control+Enter");

    await expect.poll(() => dialog.count(), { timeout: 5_000 }).toBe(0);
    const list = page.getByRole("region", { name: "Fiche cabinet" }).getByRole("list", { name: "Messages du cabinet" });
    await expect.poll(() => list.textContent()).toContain(MESSAGE_TEXT);
    expect(await list.textContent()).toContain(`pour ${practitionerNames[0]}`);
  });

  it("asks for the outcome when the caller hangs up, and frees the line once it is saved", async () => {
    endedAt = dateOf(world().clock).toISOString();
    const ended = await pbx({ event: "ended", callId: EXTERNAL_CALL_ID, at: endedAt });
    expect(ended.status).toBe(202);

    // The hang-up opens "Clôturer l'appel" by itself, the message's outcome chosen and the message linked.
    const dialog = page.getByRole("dialog", { name: "Clôturer l'appel" });
    await expect.poll(() => dialog.count(), { timeout: 5_000 }).toBe(1);
    expect(await dialog.getByRole("radio", { name: "Message pris pour le médecin" }).isChecked()).toBe(true);
    expect(await dialog.getByRole("list", { name: "Messages liés à l'appel" }).textContent()).toContain(`${CALLER_SHORT_NAME} — Ordonnance`);
    const banner = page.getByRole("region", { name: "Appel en cours" });
    expect(await banner.textContent()).toContain("Appel terminé : issue à saisir");

    await dialog.getByLabel("Notes").fill(CLOSING_NOTES);
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => dialog.count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(() => banner.count()).toBe(0);
  });

  it("brings the call, with its outcome, and the message to the supervisor's workstation by sync", async () => {
    let call: Awaited<ReturnType<typeof supervisorCall>>;
    await eventually(async () => {
      call = await supervisorCall(callId);
      return call?.outcome === "message";
    }, 30_000);
    const messages = await supervisor.handlers["messages.byPractice"]({ practiceId: DEMO_PRACTICE.id, limit: 50 });
    const message = messages.find((candidate) => candidate.text === MESSAGE_TEXT);
    expect(message).toMatchObject({
      callId,
      patientId: DEMO_PATIENT.id,
      callerName: CALLER_SHORT_NAME,
      callbackNumber: "+33612345678",
      category: "ordonnance",
      status: "nouveau",
    });
    expect(call!).toMatchObject({
      practice_id: DEMO_PRACTICE.id,
      external_call_id: EXTERNAL_CALL_ID,
      dialled_number: DEMO_PRACTICE.dialledNumber,
      caller_number: "+33612345678",
      patient_id: DEMO_PATIENT.id,
      user_id: secretaryUserId,
      ended_at: Date.parse(endedAt),
      outcome: "message",
      notes: CLOSING_NOTES,
    });
    expect(JSON.parse(call!.links)).toMatchObject({ messageIds: [message!.id] });
  });
});
