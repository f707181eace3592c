import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { LockStatus, TelephonyEvent } from "../../shared/api/contract";
import { App } from "../../renderer/src/app/App";
import { installFakeBridge, type FakeBridge, type FakeData } from "./fakeBridge";
import { HELENE_PHONE, IDS, TILLEULS_NUMBER, FIXTURE_NOW } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";
import { camille, syncStatus } from "./syncFixtures";

const open = (change: Partial<LockStatus> = {}): LockStatus => ({
  state: "unlocked",
  userName: "Camille Laurent",
  attemptsLeft: 5,
  serverCheckRequired: false,
  autoLockMinutes: 5,
  ...change,
});
const signedIn: Partial<FakeData> = { session: camille, syncStatus: syncStatus(), lockStatus: open() };

const lockScreen = () => screen.getByRole("main", { name: "Poste verrouillé" });
const callForm = () => screen.queryByRole("form", { name: "Ouvrir un appel" });
const passwordField = () => within(lockScreen()).getByLabelText("Mot de passe");

/** No patient, practice or call detail anywhere in the page. */
function expectNoWorkingScreen(): void {
  expect(callForm()).not.toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Fiche cabinet" })).not.toBeInTheDocument();
  expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();
  expect(document.body.textContent).not.toMatch(/DURAND|Hélène|Tilleuls/);
}

describe("locking the workstation", () => {
  it("locks with Alt+V, takes the call screen out of the page, and unlocks with the password", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await within(screen.getByRole("region", { name: "Appel en cours" })).findByText("DURAND Hélène (naissance : MARTIN)");

    await user.keyboard("{Alt>}v{/Alt}");

    expect(lockScreen()).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Poste verrouillé" })).toBeInTheDocument();
    expect(within(lockScreen()).getByText("Camille Laurent")).toBeInTheDocument();
    expectNoWorkingScreen();
    await waitFor(() => expect(bridge.callsTo("session.lock")).toEqual([{}]));
    expect(passwordField()).toHaveFocus();
    expect(passwordField()).toHaveAttribute("type", "password");

    await user.keyboard("mauvais{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Mot de passe incorrect. Encore 4 essais.");
    expect(passwordField()).toHaveValue("");
    expect(passwordField()).toHaveFocus();
    expectNoWorkingScreen();

    await user.keyboard("motdepasse");
    await user.click(screen.getByRole("button", { name: "Déverrouiller" }));

    expect(await screen.findByRole("form", { name: "Ouvrir un appel" })).toBeInTheDocument();
    expect(bridge.callsTo("session.unlock")).toEqual([{ password: "mauvais" }, { password: "motdepasse" }]);
    // The call under way is still there: locking hides it, it does not drop it.
    expect(within(screen.getByRole("region", { name: "Appel en cours" })).getByText("DURAND Hélène (naissance : MARTIN)")).toBeInTheDocument();
    expect(bridge.violations).toEqual([]);
  });

  it("locks from the header's button, which announces its shortcut, and even with a dialog open", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    const button = screen.getByRole("button", { name: "Verrouiller" });
    expect(button).toHaveAttribute("aria-keyshortcuts", "Alt+V");

    await user.keyboard("?");
    const help = await screen.findByRole("dialog", { name: "Raccourcis clavier" });
    expect(within(help).getByText("Verrouiller le poste (mot de passe pour reprendre)")).toBeInTheDocument();
    await user.keyboard("{Alt>}v{/Alt}");
    expect(lockScreen()).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.keyboard("motdepasse{Enter}");
    await user.click(await screen.findByRole("button", { name: "Verrouiller" }));
    expect(lockScreen()).toBeInTheDocument();
    await waitFor(() => expect(bridge.callsTo("session.lock")).toHaveLength(2));
  });

  it("does nothing on Alt+V when nobody is signed in", async () => {
    const { user, bridge } = await renderCallScreen();
    await user.keyboard("{Alt>}v{/Alt}");
    expect(callForm()).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Verrouiller" })).not.toBeInTheDocument();
    expect(bridge.callsTo("session.lock")).toHaveLength(0);
  });

  it("follows the core's auto-lock", async () => {
    const { bridge } = await renderCallScreen(signedIn);
    act(() => bridge.emit("session.lockStatus", open({ state: "locked" })));
    expect(lockScreen()).toBeInTheDocument();
    expectNoWorkingScreen();
  });

  it("starts on the lock screen when the core starts locked, without asking for any data", async () => {
    const bridge = installFakeBridge({ ...signedIn, lockStatus: open({ state: "locked" }) });
    render(<App />);
    expect(await screen.findByRole("main", { name: "Poste verrouillé" })).toBeInTheDocument();
    expectNoWorkingScreen();
    const asked = new Set(bridge.calls.map((call) => call.method));
    for (const method of asked) expect(["workstation.status", "clock.now", "session.lockStatus", "session.current"]).toContain(method);
  });

  it("says what is missing, and when the server must confirm the password", async () => {
    const bridge = installFakeBridge({ ...signedIn, lockStatus: open({ state: "locked", attemptsLeft: 0, serverCheckRequired: true }) });
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole("main", { name: "Poste verrouillé" });
    expect(screen.getByText(/Le serveur de l'agence doit confirmer votre mot de passe/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Déverrouiller" }));
    expect(passwordField()).toHaveAccessibleDescription("Saisissez votre mot de passe.");
    expect(bridge.callsTo("session.unlock")).toHaveLength(0);
  });

  it("lets another secretary sign in with her own account from the lock screen", async () => {
    installFakeBridge({ ...signedIn, lockStatus: open({ state: "locked" }) });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole("button", { name: "Se connecter avec un identifiant" }));
    const dialog = screen.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
    expect(within(dialog).getByLabelText("Adresse du serveur")).toHaveValue(camille.serverUrl);
    await user.keyboard("ines.moreau{Tab}sonmotdepasse{Enter}");
    expect(await screen.findByRole("form", { name: "Ouvrir un appel" })).toBeInTheDocument();
    expect(screen.getByText("Session : ines.moreau")).toBeInTheDocument();
  });
});

describe("while locked", () => {
  function ring(bridge: FakeBridge): void {
    const event: TelephonyEvent = {
      event: "ringing",
      callId: "a0000000-0000-4000-8000-000000000001",
      externalCallId: "pbx-01",
      dialledNumber: TILLEULS_NUMBER,
      callerNumber: HELENE_PHONE,
      practiceId: IDS.tilleuls,
      at: new Date(FIXTURE_NOW).toISOString(),
    };
    act(() => bridge.emit("call.telephony", event));
  }

  it("keeps a call that rings and pops it once unlocked, never behind the lock screen", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    await user.keyboard("{Alt>}v{/Alt}");
    const before = bridge.calls.length;
    expect(screen.queryByText(/appel sonne/)).not.toBeInTheDocument();
    ring(bridge);
    expectNoWorkingScreen();
    expect(bridge.calls.slice(before).map((call) => call.method)).not.toContain("practices.byDialledNumber");
    // The lock screen says that a call rings, and nothing of who calls or for whom.
    const said = screen.getByText("Un appel sonne : déverrouillez le poste pour le prendre.");
    expect(said).toHaveAttribute("role", "status");
    expect(document.body).not.toHaveTextContent("06 12 34 56 78");
    expect(document.body).not.toHaveTextContent("Tilleuls");

    await user.keyboard("motdepasse{Enter}");
    const banner = await screen.findByRole("region", { name: "Appel en cours" });
    expect(await within(banner).findByText("Sonnerie")).toBeInTheDocument();
    expect(await within(screen.getByRole("region", { name: "Fiche cabinet" })).findByRole("heading", { name: "Cabinet médical des Tilleuls" })).toBeInTheDocument();
  });
});

describe("activity", () => {
  it("tells the core the secretary is there, at most once per period", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    expect(bridge.callsTo("session.activity")).toHaveLength(0);
    await user.keyboard("a");
    await user.click(screen.getByLabelText("Numéro appelé"));
    await user.keyboard("0");
    expect(bridge.callsTo("session.activity")).toEqual([{}]);
  });

  it("reports nothing when nobody is signed in", async () => {
    const { user, bridge } = await renderCallScreen();
    await user.click(screen.getByLabelText("Numéro appelé"));
    expect(bridge.callsTo("session.activity")).toHaveLength(0);
  });
});
