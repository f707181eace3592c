import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../../renderer/src/app/App";
import { installFakeBridge } from "./fakeBridge";

const unreadable = { state: "store_unreadable", reason: "wrong_key", message: "SQLITE_NOTADB" } as const;

describe("workstation status", () => {
  it("says the workstation is not connected when there is no bridge", () => {
    render(<App />);
    expect(screen.getByRole("alert")).toHaveTextContent("Le poste n'est pas connecté à son moteur local.");
  });

  it("offers to reset an unreadable store, and only after confirmation", async () => {
    const bridge = installFakeBridge({ status: unreadable });
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByRole("heading", { name: "Les données locales du poste sont illisibles" })).toBeInTheDocument();
    expect(screen.getByText("La clé de chiffrement du poste ne correspond pas aux données locales.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Réinitialiser et resynchroniser" }));
    const confirmation = screen.getByRole("alertdialog", { name: "Confirmer la réinitialisation\u00A0?" });
    expect(confirmation).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Annuler" })).toHaveFocus();
    expect(bridge.callsTo("workstation.resetAndResync")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Oui, réinitialiser" }));

    expect(bridge.callsTo("workstation.resetAndResync")).toEqual([{ confirm: true }]);
    expect(await screen.findByRole("form", { name: "Ouvrir un appel" })).toBeInTheDocument();
  });

  it("keeps the data when the secretary cancels", async () => {
    const bridge = installFakeBridge({ status: unreadable });
    const user = userEvent.setup();
    render(<App />);

    await user.click(await screen.findByRole("button", { name: "Réinitialiser et resynchroniser" }));
    await user.keyboard("{Escape}");

    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Réinitialiser et resynchroniser" })).toHaveFocus();
    expect(bridge.callsTo("workstation.resetAndResync")).toHaveLength(0);
  });

  it("follows the status the core announces", async () => {
    const bridge = installFakeBridge();
    render(<App />);
    await screen.findByRole("form", { name: "Ouvrir un appel" });

    act(() => bridge.emit("workstation.status", { state: "store_unreadable", reason: "corrupt", message: "" }));

    expect(screen.getByText("Le fichier des données locales est endommagé.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Réinitialiser et resynchroniser" })).toBeInTheDocument();
  });

  it("lets the secretary retry when the core does not answer", async () => {
    const bridge = installFakeBridge();
    bridge.failures["workstation.status"] = "Délai dépassé";
    const user = userEvent.setup();
    render(<App />);

    expect(await screen.findByText("Délai dépassé")).toBeInTheDocument();
    delete bridge.failures["workstation.status"];
    await user.click(screen.getByRole("button", { name: "Réessayer" }));

    expect(await screen.findByRole("form", { name: "Ouvrir un appel" })).toBeInTheDocument();
  });
});
