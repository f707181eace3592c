import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../../renderer/src/app/shortcuts";
import { renderCallScreen } from "./renderApp";

describe("keyboard shortcuts help", () => {
  it("? opens the list of every shortcut of the registry, and Escape closes it", async () => {
    const { user } = await renderCallScreen();
    await user.keyboard("?");

    const dialog = await screen.findByRole("dialog", { name: "Raccourcis clavier" });
    const rows = within(dialog).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(rows.map((row) => row.textContent)).toContain("Alt+UUrgence : consigne du cabinet et orientation vers le 15");
    expect(within(dialog).getByText("Échap")).toBeInTheDocument();
    expect(within(dialog).getByText("Alt+C")).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Fermer" })).toHaveFocus();

    // Shortcuts do not act behind the open dialog.
    await user.keyboard("{Alt>}u{/Alt}");
    expect(screen.getAllByRole("dialog")).toHaveLength(1);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("is offered in the header (« ? Raccourcis »), so nobody has to know the ? key first", async () => {
    const { user } = await renderCallScreen();
    const button = screen.getByRole("button", { name: "Raccourcis" });
    expect(button).toHaveTextContent("? Raccourcis");
    expect(button).toHaveAttribute("aria-keyshortcuts", "?");

    await user.click(button);

    expect(await screen.findByRole("dialog", { name: "Raccourcis clavier" })).toBeInTheDocument();
  });

  it("types ? in a text field instead of opening the help", async () => {
    const { user } = await renderCallScreen();
    await user.click(screen.getByLabelText("Numéro appelé"));
    await user.keyboard("?");
    expect(screen.getByLabelText("Numéro appelé")).toHaveValue("?");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });
});
