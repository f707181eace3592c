import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { openCallByNumbers, renderCallScreen } from "./renderApp";
import { SERVER_URL, camille, syncStatus, unsentCancellation } from "./syncFixtures";

const dialog = () => screen.getByRole("dialog", { name: "Connexion au serveur de l'agence" });
const indicator = () => screen.getByRole("status", { name: "État de la connexion" });

async function openLoginDialog(user: Awaited<ReturnType<typeof renderCallScreen>>["user"]): Promise<void> {
  await user.click(await screen.findByRole("button", { name: "Se connecter" }));
  expect(dialog()).toBeInTheDocument();
}

describe("signing in", () => {
  it("signs in to a server typed by hand, then names the user", async () => {
    const { user, bridge } = await renderCallScreen();
    await openLoginDialog(user);

    // No server known: the address comes first, and is required.
    const address = screen.getByLabelText("Adresse du serveur");
    expect(address).toHaveValue("");
    expect(address).toBeRequired();
    expect(address).toHaveFocus();
    expect(screen.getByLabelText("Mot de passe")).toHaveAttribute("type", "password");

    await user.type(address, SERVER_URL);
    await user.type(screen.getByLabelText("Identifiant"), "c.laurent");
    await user.type(screen.getByLabelText("Mot de passe"), "motdepasse{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(bridge.callsTo("session.login")).toEqual([{ serverUrl: SERVER_URL, login: "c.laurent", password: "motdepasse" }]);
    expect(screen.getByText("Session : Camille Laurent")).toBeInTheDocument();
    // The next keystroke is a call's, never "Se déconnecter"'s: an Enter there would end the session.
    expect(screen.getByLabelText("Numéro appelé")).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Se connecter" })).not.toBeInTheDocument();
    expect(indicator()).toHaveTextContent("Synchro…");
    expect(bridge.violations).toEqual([]);
  });

  it("prefills a known server and starts on the identifier", async () => {
    const { user, bridge } = await renderCallScreen({
      session: { user: null, serverUrl: SERVER_URL },
      syncStatus: syncStatus({ state: "signed_out" }),
    });
    await openLoginDialog(user);

    expect(screen.getByLabelText("Adresse du serveur")).toHaveValue(SERVER_URL);
    expect(screen.getByLabelText("Adresse du serveur")).not.toBeRequired();
    expect(screen.getByLabelText("Identifiant")).toHaveFocus();

    await user.keyboard("c.laurent{Tab}motdepasse{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(bridge.callsTo("session.login")).toEqual([{ serverUrl: SERVER_URL, login: "c.laurent", password: "motdepasse" }]);
  });

  it("shows the server's French reason when the sign-in is refused, and keeps the dialog open", async () => {
    const { user, bridge } = await renderCallScreen({ session: { user: null, serverUrl: SERVER_URL } });
    bridge.failures["session.login"] = { code: "invalid_credentials", message: "Identifiant ou mot de passe incorrect." };
    await openLoginDialog(user);

    await user.keyboard("c.laurent{Tab}mauvais{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(dialog()).toBeInTheDocument();
    expect(screen.getByLabelText("Identifiant")).toHaveValue("c.laurent");
    expect(screen.queryByText("Camille Laurent", { exact: false })).not.toBeInTheDocument();
  });

  it("says what is missing before asking the core", async () => {
    const { user, bridge } = await renderCallScreen();
    await openLoginDialog(user);

    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    expect(screen.getByLabelText("Adresse du serveur")).toHaveAccessibleDescription(
      "Par exemple https://agence.exemple.fr Saisissez l'adresse du serveur de l'agence.",
    );
    expect(screen.getByLabelText("Adresse du serveur")).toHaveFocus();
    expect(screen.getByLabelText("Identifiant")).toHaveAccessibleDescription("Saisissez votre identifiant.");
    expect(screen.getByLabelText("Mot de passe")).toBeInvalid();
    expect(bridge.callsTo("session.login")).toHaveLength(0);
  });

  it("closes with Escape or Annuler, focus back on the button that opened it", async () => {
    const { user, bridge } = await renderCallScreen();
    await openLoginDialog(user);
    await user.keyboard("{Escape}");

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Se connecter" })).toHaveFocus();

    await openLoginDialog(user);
    await user.click(screen.getByRole("button", { name: "Annuler" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Se connecter" })).toHaveFocus();
    expect(bridge.callsTo("session.login")).toHaveLength(0);
  });

  it("keeps Tab and the shortcuts inside the dialog", async () => {
    const { user } = await renderCallScreen();
    await openLoginDialog(user);

    await user.click(screen.getByLabelText("Mot de passe"));
    await user.tab();
    await user.tab();
    expect(screen.getByRole("button", { name: "Annuler" })).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText("Adresse du serveur")).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Annuler" })).toHaveFocus();

    // The call screen's shortcuts do not reach behind the dialog either.
    await user.keyboard("{Alt>}n{/Alt}");
    expect(screen.getByRole("button", { name: "Annuler" })).toHaveFocus();
  });
});

describe("signing out", () => {
  it("ends the session and offers to sign in again", async () => {
    const { user, bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "online" }) });

    await user.click(await screen.findByRole("button", { name: "Se déconnecter" }));

    expect(bridge.callsTo("session.logout")).toEqual([{}]);
    expect(await screen.findByRole("button", { name: "Se connecter" })).toHaveFocus();
    expect(indicator()).toHaveTextContent("Non connecté");
    expect(screen.queryByText("Camille Laurent", { exact: false })).not.toBeInTheDocument();
  });

  it("asks first during a call, Enter keeping the session; then signs out on the secretary's word", async () => {
    const { user, bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "online" }) });
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");

    await user.click(screen.getByRole("button", { name: "Se déconnecter" }));
    const dialog = await screen.findByRole("dialog", { name: "Se déconnecter\u00A0?" });
    expect(dialog).toHaveTextContent("Un appel est en cours : son issue n'est pas encore enregistrée.");
    expect(within(dialog).getByRole("button", { name: "Rester connectée" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(bridge.callsTo("session.logout")).toEqual([]);
    expect(screen.getByRole("button", { name: "Se déconnecter" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Se déconnecter" }));
    await user.click(within(await screen.findByRole("dialog", { name: "Se déconnecter\u00A0?" })).getByRole("button", { name: "Se déconnecter quand même" }));
    await waitFor(() => expect(bridge.callsTo("session.logout")).toEqual([{}]));
  });

  it("asks first with changes not yet sent, saying how many, which, and what becomes of them", async () => {
    const { user, bridge } = await renderCallScreen({
      session: camille,
      syncStatus: syncStatus({ state: "offline", pendingCount: 1 }),
      pendingChanges: [unsentCancellation],
    });
    await user.click(await screen.findByRole("button", { name: "Se déconnecter" }));
    const dialog = await screen.findByRole("dialog", { name: "Se déconnecter\u00A0?" });
    expect(dialog).toHaveTextContent(
      "1 modification faite sur ce poste n'est pas encore envoyée au serveur de l'agence : elle sera envoyée avant la déconnexion si le serveur répond ; sinon, elle attendra votre prochaine connexion sur ce poste, et aucun autre compte ne pourra s'y connecter d'ici là.",
    );
    expect(await within(dialog).findByRole("listitem")).toHaveTextContent("Annulation de rendez-vous — DURAND Hélène · 06 12 34 56 78");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(bridge.callsTo("session.logout")).toEqual([]);
  });

  it("says so when the core cannot sign out", async () => {
    const { user, bridge } = await renderCallScreen({ session: camille, syncStatus: syncStatus({ state: "online" }) });
    bridge.failures["session.logout"] = "Base locale indisponible";

    await user.click(await screen.findByRole("button", { name: "Se déconnecter" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Déconnexion impossible : Base locale indisponible");
    expect(screen.getByRole("button", { name: "Se déconnecter" })).toBeInTheDocument();
  });
});
