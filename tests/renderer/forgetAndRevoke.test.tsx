import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FakeData } from "./fakeBridge";
import { openCallByNumbers, renderCallScreen } from "./renderApp";
import { camille, syncStatus, unsentCancellation } from "./syncFixtures";

const signedIn: Partial<FakeData> = {
  session: camille,
  syncStatus: syncStatus(),
  lockStatus: { state: "unlocked", userName: "Camille Laurent", attemptsLeft: 5, serverCheckRequired: false, autoLockMinutes: 5 },
};
const forgetDialog = () => screen.getByRole("dialog", { name: "Oublier ce poste\u00A0?" });
const openForget = async (user: Awaited<ReturnType<typeof renderCallScreen>>["user"]) => {
  await user.click(screen.getByRole("button", { name: "Oublier ce poste…" }));
  return forgetDialog();
};

describe("forgetting the workstation", () => {
  it("asks first, with the focus on Annuler: Escape and Annuler keep everything", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    const dialog = await openForget(user);
    expect(within(dialog).getByText(/sa clé de\s+chiffrement seront effacées/)).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Annuler" })).toHaveFocus();
    expect(within(dialog).queryByRole("checkbox")).not.toBeInTheDocument();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Oublier ce poste…" })).toHaveFocus();
    await user.click(within(await openForget(user)).getByRole("button", { name: "Annuler" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(bridge.callsTo("workstation.forget")).toHaveLength(0);
  });

  it("once confirmed, wipes the workstation and starts again from the sign-in, nothing of the old screen kept", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await within(screen.getByRole("region", { name: "Appel en cours" })).findByText("DURAND Hélène (naissance : MARTIN)");
    // The call's record was sent: nothing pending.
    act(() => {
      bridge.data.syncStatus = syncStatus();
      bridge.emit("sync.status", bridge.data.syncStatus);
    });

    await user.click(within(await openForget(user)).getByRole("button", { name: "Oublier ce poste" }));

    expect(bridge.callsTo("workstation.forget")).toEqual([{ confirm: true, discardPending: false }]);
    expect(await screen.findByRole("button", { name: "Se connecter" })).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();
    expect(screen.queryByText("Camille Laurent", { exact: false })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Numéro appelé")).toHaveValue("");
    expect(bridge.violations).toEqual([]);
  });

  it("with unsent changes, lists them and requires the secretary to accept losing them", async () => {
    const { user, bridge } = await renderCallScreen({
      ...signedIn,
      syncStatus: syncStatus({ state: "offline", pendingCount: 2 }),
      pendingChanges: [
        unsentCancellation,
        {
          seq: 4,
          name: "message.create",
          args: { callerName: "Marc Lefèvre" },
          madeAt: "2031-11-20T08:58:00.000Z",
          subject: { patient: "Marc Lefèvre", phone: null, practitioner: null, practice: "Cabinet médical des Tilleuls" },
        },
      ],
    });
    const dialog = await openForget(user);
    expect(within(dialog).getByText(/2 modifications faites sur ce poste n'ont pas encore été envoyées au serveur de l'agence/)).toBeInTheDocument();
    const lost = within(await within(dialog).findByRole("list", { name: "Modifications qui seraient perdues" })).getAllByRole("listitem");
    expect(lost.map((item) => item.textContent)).toEqual([
      "Annulation de rendez-vous — DURAND Hélène · 06 12 34 56 78 · avec\u00A0Dr Claire Martin · Cabinet médical des Tilleuls (faite le 20/11/2031 à 09:55)",
      "Message pour le médecin de Marc Lefèvre — Marc Lefèvre · Cabinet médical des Tilleuls (faite le 20/11/2031 à 09:58)",
    ]);

    await user.click(within(dialog).getByRole("button", { name: "Oublier ce poste" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Cochez la case pour confirmer que ces modifications peuvent être perdues.");
    const accept = within(dialog).getByRole("checkbox", { name: "J'accepte de perdre les modifications non envoyées" });
    expect(accept).toHaveFocus();
    expect(bridge.callsTo("workstation.forget")).toHaveLength(0);

    await user.click(accept);
    await user.click(within(dialog).getByRole("button", { name: "Oublier ce poste" }));
    expect(bridge.callsTo("workstation.forget")).toEqual([{ confirm: true, discardPending: true }]);
    expect(await screen.findByRole("button", { name: "Se connecter" })).toBeInTheDocument();
  });

  it("shows the core's refusal when changes it knows of are unsent, and then asks for the acceptance", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    bridge.data.syncStatus = syncStatus({ pendingCount: 1 });
    const dialog = await openForget(user);

    await user.click(within(dialog).getByRole("button", { name: "Oublier ce poste" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("1 modification faite sur ce poste n'est pas encore envoyée au serveur.");
    expect(within(dialog).getByRole("checkbox")).not.toBeChecked();
    expect(screen.getByText("Session : Camille Laurent")).toBeInTheDocument();
  });
});

describe("a workstation revoked by the administrator", () => {
  it("replaces everything with the revocation screen, and comes back after a new sign-in", async () => {
    const { user, bridge } = await renderCallScreen(signedIn);
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    await within(screen.getByRole("region", { name: "Appel en cours" })).findByText("DURAND Hélène (naissance : MARTIN)");

    const message = "Ce poste a été révoqué par l'administrateur de l'agence : ses données locales ont été effacées.";
    bridge.data.status = { state: "revoked", message };
    bridge.data.session = { user: null, serverUrl: camille.serverUrl };
    act(() => bridge.emit("workstation.status", bridge.data.status));

    const screenRegion = screen.getByRole("main", { name: "Ce poste a été révoqué par l'administrateur" });
    expect(within(screenRegion).getByRole("alert")).toHaveTextContent(message);
    expect(screen.queryByRole("form", { name: "Ouvrir un appel" })).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/DURAND|Hélène/);

    await user.click(screen.getByRole("button", { name: "Se reconnecter" }));
    const dialog = screen.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
    await waitFor(() => expect(within(dialog).getByLabelText("Adresse du serveur")).toHaveValue(camille.serverUrl));
    await user.type(within(dialog).getByLabelText("Identifiant"), "c.laurent");
    await user.type(within(dialog).getByLabelText("Mot de passe"), "motdepasse{Enter}");

    expect(await screen.findByRole("form", { name: "Ouvrir un appel" })).toBeInTheDocument();
    // The working screen starts again from nothing: the call read from the wiped copy is gone.
    expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();
    expect(screen.getByText("Session : Camille Laurent")).toBeInTheDocument();
  });
});
