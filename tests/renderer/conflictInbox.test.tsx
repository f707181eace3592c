import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderCallScreen } from "./renderApp";
import { camille, refusedBooking, refusedMessage, syncStatus } from "./syncFixtures";

const inbox = () => screen.getByRole("region", { name: "Conflits à traiter" });
// Accessible names keep the non-breaking space before the colon; text matchers fold it.
const NBSP = "\u00A0";
const BOOKING = "Prise de rendez-vous le mardi 24 novembre 2026 à 10:00";
const MESSAGE = "Message pour le médecin de Marc Lefèvre";

function renderWithConflicts() {
  return renderCallScreen({
    session: camille,
    syncStatus: syncStatus({ conflictCount: 2 }),
    conflicts: [refusedMessage, refusedBooking],
  });
}

describe("conflict inbox", () => {
  it("has no button when the server refused nothing", async () => {
    await renderCallScreen({ session: camille, syncStatus: syncStatus({ conflictCount: 0 }) });
    await waitFor(() => expect(screen.getByRole("status", { name: "État de la connexion" })).toHaveTextContent("En ligne"));
    expect(screen.queryByRole("button", { name: /Conflits à traiter/ })).not.toBeInTheDocument();
  });

  it("lists each refused request: what was asked, for whom, what was typed, why and when it was refused", async () => {
    const { user } = await renderWithConflicts();
    const button = await screen.findByRole("button", { name: "Conflits à traiter (2)" });
    expect(button).toHaveAttribute("aria-expanded", "false");

    await user.click(button);

    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("heading", { name: "Conflits à traiter" })).toHaveFocus();
    const items = await within(inbox()).findAllByRole("listitem");
    // In the order the secretary made them.
    expect(items).toHaveLength(2);
    const [booking, message] = items.map((item) => within(item));
    expect(booking!.getByText(BOOKING)).toBeInTheDocument();
    // Whom to call back, at once: the patient, her number, the practitioner, the practice.
    expect(booking!.getByText("DURAND Hélène · 06 12 34 56 78 · avec Dr Claire Martin · Cabinet médical des Tilleuls")).toBeInTheDocument();
    expect(booking!.getByText("Note : Vient avec son carnet de vaccination")).toBeInTheDocument();
    expect(booking!.getByText("Ce créneau vient d'être pris par un autre poste.")).toBeInTheDocument();
    expect(booking!.getByText("Refusé le 23/11/2026 à 10:05")).toBeInTheDocument();
    expect(message!.getByText(MESSAGE)).toBeInTheDocument();
    expect(message!.getByText("Message : « Souhaite avoir ses résultats de prise de sang. »")).toBeInTheDocument();
    expect(message!.getByText("Numéro de rappel : 06 98 76 54 32")).toBeInTheDocument();
    expect(message!.getByText("Ce cabinet n'est plus servi par votre compte.")).toBeInTheDocument();
    expect(message!.getByText("Refusé le 23/11/2026 à 15:30")).toBeInTheDocument();
  });

  it("marks requests as handled one by one until none is left", async () => {
    const { user, bridge } = await renderWithConflicts();
    await user.click(await screen.findByRole("button", { name: "Conflits à traiter (2)" }));

    await user.click(await screen.findByRole("button", { name: `Marquer comme traité${NBSP}: ${BOOKING}` }));

    expect(bridge.callsTo("conflicts.clear")).toEqual([{ id: refusedBooking.id }]);
    await waitFor(() => expect(within(inbox()).queryByText(BOOKING)).not.toBeInTheDocument());
    expect(within(inbox()).getByText(MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Conflits à traiter (1)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Conflits à traiter" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: `Marquer comme traité${NBSP}: ${MESSAGE}` }));

    expect(await within(inbox()).findByText("Aucun conflit à traiter.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Conflits à traiter \(/ })).not.toBeInTheDocument();

    // With the header button gone, Escape leaves the inbox for where the next call starts.
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("region", { name: "Conflits à traiter" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Numéro appelé")).toHaveFocus();
    expect(bridge.violations).toEqual([]);
  });

  it("closes back onto the header button", async () => {
    const { user } = await renderWithConflicts();
    const button = await screen.findByRole("button", { name: "Conflits à traiter (2)" });
    await user.click(button);
    await within(inbox()).findAllByRole("listitem");

    await user.click(screen.getByRole("button", { name: "Fermer les conflits à traiter" }));

    expect(screen.queryByRole("region", { name: "Conflits à traiter" })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it("shows a refusal that arrives while the inbox is open", async () => {
    const { user, bridge } = await renderCallScreen({
      session: camille,
      syncStatus: syncStatus({ conflictCount: 1 }),
      conflicts: [refusedBooking],
    });
    await user.click(await screen.findByRole("button", { name: "Conflits à traiter (1)" }));
    await within(inbox()).findByText(BOOKING);

    bridge.data.conflicts = [refusedBooking, refusedMessage];
    act(() => bridge.emit("sync.status", syncStatus({ conflictCount: 2 })));

    expect(await within(inbox()).findByText(MESSAGE)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Conflits à traiter (2)" })).toBeInTheDocument();
  });

  it("keeps the request listed when the core cannot mark it handled", async () => {
    const { user, bridge } = await renderWithConflicts();
    bridge.failures["conflicts.clear"] = "Base locale indisponible";
    await user.click(await screen.findByRole("button", { name: "Conflits à traiter (2)" }));

    await user.click(await screen.findByRole("button", { name: `Marquer comme traité${NBSP}: ${BOOKING}` }));

    expect(await within(inbox()).findByRole("alert")).toHaveTextContent(
      "Impossible de marquer la demande comme traitée : Base locale indisponible",
    );
    expect(within(inbox()).getByText(BOOKING)).toBeInTheDocument();
  });
});
