import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WorkstationStatus } from "../../shared/api/contract";
import { App } from "../../renderer/src/app/App";
import { installFakeBridge } from "./fakeBridge";
import { renderCallScreen } from "./renderApp";
import { SERVER_URL, syncStatus } from "./syncFixtures";

const configInvalid: Extract<WorkstationStatus, { state: "config_invalid" }> = {
  state: "config_invalid",
  file: "C:\\ProgramData\\Telesec\\config.json",
  problems: [
    { field: "serverUrl", message: "Adresse du serveur : adresse http:// ou https:// attendue" },
    { field: "autoLockMinutes", message: "Délai de verrouillage : 1 minute au moins" },
  ],
  message: "Configuration du poste invalide (C:\\ProgramData\\Telesec\\config.json) : …",
};

describe("the machine configuration", () => {
  it("stops everything on a wrong file, naming the file and each field", async () => {
    const bridge = installFakeBridge({ status: configInvalid });
    render(<App />);

    expect(await screen.findByRole("heading", { name: "La configuration de ce poste est invalide" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("le fichier de configuration installé par le service informatique de l'agence contient une erreur");
    expect(screen.getByText("C:\\ProgramData\\Telesec\\config.json")).toBeInTheDocument();
    const problems = within(screen.getByRole("list", { name: "Erreurs du fichier de configuration" })).getAllByRole("listitem");
    expect(problems.map((item) => item.textContent)).toEqual([
      "Champ serverUrl\u00A0: Adresse du serveur : adresse http:// ou https:// attendue",
      "Champ autoLockMinutes\u00A0: Délai de verrouillage : 1 minute au moins",
    ]);
    // Nothing to work with: no call screen, no sign-in, no reset.
    expect(screen.queryByRole("form", { name: "Ouvrir un appel" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(bridge.violations).toEqual([]);
  });

  it("shows a file-wide problem without a field", async () => {
    installFakeBridge({ status: { ...configInvalid, problems: [{ field: null, message: "Le fichier n'est pas du JSON valide : erreur ligne 3, colonne 1." }] } });
    render(<App />);
    const problems = await screen.findByRole("list", { name: "Erreurs du fichier de configuration" });
    expect(problems).toHaveTextContent(/^Le fichier n'est pas du JSON valide : erreur ligne 3, colonne 1\.$/);
  });

  it("shows the server it sets read-only at sign-in, and does not send it", async () => {
    const { user, bridge } = await renderCallScreen({
      session: { user: null, serverUrl: SERVER_URL, serverUrlManaged: true },
      syncStatus: syncStatus({ state: "signed_out" }),
    });
    await user.click(await screen.findByRole("button", { name: "Se connecter" }));

    const address = screen.getByLabelText("Adresse du serveur");
    expect(address).toHaveValue(SERVER_URL);
    expect(address).toHaveAttribute("readonly");
    expect(address).toHaveAccessibleDescription("Fixée par la configuration de ce poste");
    expect(screen.getByLabelText("Identifiant")).toHaveFocus();

    await user.type(address, "https://ailleurs.example");
    expect(address).toHaveValue(SERVER_URL);
    await user.type(screen.getByLabelText("Identifiant"), "c.laurent");
    await user.type(screen.getByLabelText("Mot de passe"), "motdepasse{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(bridge.callsTo("session.login")).toEqual([{ login: "c.laurent", password: "motdepasse" }]);
    expect(bridge.violations).toEqual([]);
  });
});
