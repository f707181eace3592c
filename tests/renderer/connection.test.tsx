import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SyncStatus } from "../../shared/api/contract";
import { renderCallScreen } from "./renderApp";
import { SERVER_URL, camille, syncStatus } from "./syncFixtures";
import { FIXTURE_NOW } from "./fixtures";

const NBSP = "\u00A0";
const indicator = () => screen.getByRole("status", { name: "État de la connexion" });

describe("connection indicator", () => {
  it.each<[SyncStatus["state"], string]>([
    ["online", "En ligne"],
    ["syncing", "Synchro…"],
    ["offline", "Hors ligne"],
    ["refused", "Synchronisation refusée par le serveur"],
    ["signed_out", "Non connecté"],
  ])("says %s in words, with a matching style", async (state, words) => {
    await renderCallScreen({ session: camille, syncStatus: syncStatus({ state }) });

    await waitFor(() => expect(indicator()).toHaveTextContent(words));
    expect(indicator()).toHaveClass(`connection--${state}`);
  });

  it("says why the server refuses, in its words, while it refuses, and nothing once a sync goes through", async () => {
    const why = "Le serveur de l'agence est plus récent que ce poste (valeur « practitioner » de user.role inconnue ici) : mettez ce poste à jour.";
    const { bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "refused", problem: why }) });
    expect(await screen.findByRole("alert")).toHaveTextContent(why);

    act(() => bridge.emit("sync.status", syncStatus({ state: "online" })));
    expect(screen.queryByText(why)).not.toBeInTheDocument();
    // Offline says nothing of a refusal, even with a problem left over.
    act(() => bridge.emit("sync.status", syncStatus({ state: "offline", problem: why })));
    expect(screen.queryByText(why)).not.toBeInTheDocument();
  });

  it("offers to sign in only when signed out", async () => {
    await renderCallScreen({ syncStatus: syncStatus({ state: "signed_out" }) });
    expect(await screen.findByRole("button", { name: "Se connecter" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Se déconnecter" })).not.toBeInTheDocument();
  });

  it("shows the signed-in user and no sign-in button when online", async () => {
    await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "online" }) });
    // Matchers fold the non-breaking space French puts before the colon; textContent keeps it.
    expect((await screen.findByText("Session : Camille Laurent")).textContent).toBe(`Session${NBSP}: Camille Laurent`);
    expect(screen.queryByRole("button", { name: "Se connecter" })).not.toBeInTheDocument();
  });

  it("counts pending changes, singular and plural, and says nothing when none wait", async () => {
    const { bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "offline", pendingCount: 1 }) });
    await waitFor(() => expect(indicator()).toHaveTextContent("1 modification en attente"));

    act(() => bridge.emit("sync.status", syncStatus({ state: "offline", pendingCount: 3 })));
    expect(indicator()).toHaveTextContent("3 modifications en attente");

    act(() => bridge.emit("sync.status", syncStatus({ state: "online", pendingCount: 0 })));
    expect(indicator()).not.toHaveTextContent("en attente");
  });

  it("gives the time of the last sync when known", async () => {
    const { bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ lastSyncAt: null }) });
    await waitFor(() => expect(indicator()).toHaveTextContent("En ligne"));
    expect(indicator()).not.toHaveTextContent("Dernière synchro");

    act(() => bridge.emit("sync.status", syncStatus({ lastSyncAt: new Date(FIXTURE_NOW).toISOString() })));
    expect(within(indicator()).getByText(/^Dernière synchro : \d{2}:\d{2}$/).textContent).toMatch(/^Dernière synchro\u00A0: /);
  });

  it("follows the connection changes the core announces", async () => {
    const { bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "online" }) });
    await waitFor(() => expect(indicator()).toHaveTextContent("En ligne"));

    act(() => bridge.emit("sync.status", syncStatus({ state: "syncing" })));
    expect(indicator()).toHaveTextContent("Synchro…");

    act(() => bridge.emit("sync.status", syncStatus({ state: "offline", pendingCount: 2 })));
    expect(indicator()).toHaveTextContent("Hors ligne");
    expect(indicator()).toHaveTextContent("2 modifications en attente");

    // A revoked session: the core signs the workstation out on its own.
    act(() => bridge.emit("sync.status", syncStatus({ state: "signed_out", serverUrl: SERVER_URL })));
    expect(indicator()).toHaveTextContent("Non connecté");
    expect(screen.getByRole("button", { name: "Se connecter" })).toBeInTheDocument();
    expect(screen.queryByText("Camille Laurent", { exact: false })).not.toBeInTheDocument();
    expect(bridge.violations).toEqual([]);
  });
});
