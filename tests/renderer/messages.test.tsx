import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MessageView } from "../../shared/api/views";
import { IDS, tilleuls } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const region = (name: string) => screen.getByRole("region", { name });

const earlier: MessageView = {
  id: "60000000-0000-4000-8000-000000000001",
  practiceId: IDS.tilleuls,
  practitionerId: IDS.drMartin,
  patientId: IDS.marcLefevre,
  callId: null,
  callerName: "LEFÈVRE Marc",
  callbackNumber: "+33698765432",
  category: "resultats",
  urgency: "normale",
  text: "Attend ses résultats de prise de sang.",
  status: "lu",
  createdAt: "2025-01-13T08:15:00.000Z",
  pending: false,
  request: null,
  answer: null,
  reading: null,
};
const otherPractice: MessageView = { ...earlier, id: "60000000-0000-4000-8000-000000000002", practiceId: IDS.gare, callerName: "LEFÈVRE Anne" };

describe("the open call's panes follow sync", () => {
  it("show a message and a consigne another workstation added, and a practice's new name, keeping what the secretary types", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    expect(await screen.findByText("Aucun message pour ce cabinet.")).toBeInTheDocument();
    await user.keyboard("{Alt>}m{/Alt}");
    const dialog = within(await screen.findByRole("dialog", { name: "Message pour le médecin" }));
    await user.type(dialog.getByLabelText("Message", { selector: "textarea" }), "Rappeler avant midi");

    act(() => {
      bridge.data.messages = [earlier];
      bridge.data.directives = [
        ...bridge.data.directives,
        { ...bridge.data.directives[0]!, id: "40000000-0000-4000-8000-0000000000aa", title: "Grève des transports", text: "Proposer la téléconsultation.", priority: 1 },
      ];
      bridge.data.practices = bridge.data.practices.map((practice) => (practice.id === tilleuls.id ? { ...practice, name: "Cabinet des Tilleuls (nouveau nom)" } : practice));
      bridge.emit("replica.changed", { tables: ["message", "directive", "practice"] });
    });

    expect(await within(region("Messages du cabinet")).findByRole("article", { name: "LEFÈVRE Marc" })).toBeInTheDocument();
    expect(await within(region("Consignes")).findByText("Grève des transports")).toBeInTheDocument();
    expect(await within(region("Fiche cabinet")).findByText("Cabinet des Tilleuls (nouveau nom)", { exact: false })).toBeInTheDocument();
    expect(dialog.getByLabelText("Message", { selector: "textarea" })).toHaveValue("Rappeler avant midi");
    expect(dialog.getByLabelText("Message", { selector: "textarea" })).toHaveFocus();
    expect(bridge.violations).toEqual([]);
  });
});

describe("the new-patient consigne", () => {
  it("is written from the practitioners' settings, and rewritten when an administrator changes one", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    const consigne = await within(region("Consignes")).findByRole("article", { name: "Nouveaux patients" });
    expect(consigne).toHaveTextContent("Nouveaux patients refusés : Mme Sophie");

    act(() => {
      bridge.data.practices = bridge.data.practices.map((practice) =>
        practice.id === tilleuls.id ? { ...practice, practitioners: practice.practitioners.map((practitioner) => ({ ...practitioner, acceptsNewPatients: "oui" as const })) } : practice,
      );
      bridge.emit("replica.changed", { tables: ["practitioner"] });
    });

    await waitFor(() =>
      expect(within(region("Consignes")).getByRole("article", { name: "Nouveaux patients" })).toHaveTextContent("Nouveaux patients acceptés : proposer une première consultation."),
    );
    expect(within(region("Consignes")).getByRole("article", { name: "Nouveaux patients" })).not.toHaveTextContent("refusés");
  });
});

describe("messages for the doctor", () => {
  it("lists the practice's messages with their status, and only this practice's", async () => {
    const { user } = await renderCallScreen({ messages: [earlier, otherPractice] });
    await openCallByNumbers(user, "04 78 00 00 01");

    const panel = within(await screen.findByRole("region", { name: "Messages du cabinet" }));
    const item = await panel.findByRole("article", { name: "LEFÈVRE Marc" });
    expect(item).toHaveTextContent("Lu");
    expect(item).toHaveTextContent("13/01/2025 à 09:15 — pour Dr Claire Martin — Résultats — rappeler au 06 98 76 54 32");
    expect(item).toHaveTextContent("Attend ses résultats de prise de sang.");
    expect(panel.queryByText("LEFÈVRE Anne")).not.toBeInTheDocument();
    expect(item).not.toHaveTextContent("Lu par");
  });

  it("says when the doctor read it on the portal, then treated it, with their reply", async () => {
    const read = { ...earlier, reading: { readAt: "2025-01-13T13:32:00.000Z", readBy: "Dr Claire Martin", treatedAt: null, reply: null } };
    const treated = {
      ...earlier,
      id: "60000000-0000-4000-8000-000000000003",
      callerName: "DURAND Hélène",
      status: "traite" as const,
      reading: { readAt: "2025-01-13T13:32:00.000Z", readBy: "Dr Claire Martin", treatedAt: "2025-01-13T13:40:00.000Z", reply: "Ordonnance faite, à retirer à l'accueil." },
    };
    const { user } = await renderCallScreen({ messages: [read, treated] });
    await openCallByNumbers(user, "04 78 00 00 01");
    const panel = within(await screen.findByRole("region", { name: "Messages du cabinet" }));
    expect(await panel.findByRole("article", { name: "LEFÈVRE Marc" })).toHaveTextContent("Lu par le Dr Claire Martin le 13/01/2025 à 14:32");
    const done = panel.getByRole("article", { name: "DURAND Hélène" });
    expect(done).toHaveTextContent("Lu par le Dr Claire Martin le 13/01/2025 à 14:32 — traité le 13/01/2025 à 14:40");
    expect(within(done).getByLabelText("Réponse de Dr Claire Martin")).toHaveTextContent("Ordonnance faite, à retirer à l'accueil.");
  });

  it("takes a message linked to the call and its caller, lists it, and links it when the call closes", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01", "06 12 34 56 78");
    expect(await screen.findByText("Aucun message pour ce cabinet.")).toBeInTheDocument();
    await waitFor(() => expect(bridge.mutationsNamed("call.open")).toHaveLength(1));

    await user.keyboard("{Alt>}m{/Alt}");
    const dialog = within(await screen.findByRole("dialog", { name: "Message pour le médecin" }));
    expect(dialog.getByLabelText("Praticien")).toHaveFocus();
    expect(dialog.getByLabelText("Nom de l'appelant")).toHaveValue("DURAND Hélène");
    expect(dialog.getByLabelText("Numéro de rappel")).toHaveValue("06 12 34 56 78");
    await user.selectOptions(dialog.getByLabelText("Praticien"), "Dr Jean Dupont");
    await user.selectOptions(dialog.getByLabelText("Catégorie"), "Ordonnance");
    await user.selectOptions(dialog.getByLabelText("Urgence"), "Urgente");
    await user.type(dialog.getByLabelText("Message"), "Renouvellement du traitement{Control>}{Enter}{/Control}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const [taken] = bridge.mutationsNamed("message.create");
    expect(taken).toEqual({
      id: expect.any(String),
      practiceId: IDS.tilleuls,
      practitionerId: IDS.drDupont,
      patientId: IDS.heleneDurand,
      callId: bridge.mutationsNamed("call.open")[0]!.id,
      callerName: "DURAND Hélène",
      callbackNumber: "+33612345678",
      category: "ordonnance",
      urgency: "urgente",
      text: "Renouvellement du traitement",
      request: null,
    });
    expect(screen.getByText("Message enregistré pour Dr Jean Dupont.")).toBeInTheDocument();
    const item = await within(region("Messages du cabinet")).findByRole("article", { name: "DURAND Hélène" });
    expect(item).toHaveTextContent("Nouveau");
    expect(item).toHaveTextContent("Urgent");
    expect(item).toHaveTextContent("pour Dr Jean Dupont — Ordonnance");
    // Taken here, not yet confirmed by the server (offline, typically): its card says so, until sync confirms it.
    expect(within(item).getByText("En attente d'envoi")).toBeInTheDocument();
    act(() => {
      bridge.data.messages = bridge.data.messages.map((message) => ({ ...message, pending: false }));
      bridge.emit("replica.changed", { tables: ["message"] });
    });
    await waitFor(() => expect(within(item).queryByText("En attente d'envoi")).not.toBeInTheDocument());

    await user.keyboard("{Alt>}c{/Alt}");
    const close = within(await screen.findByRole("dialog", { name: "Clôturer l'appel" }));
    expect(close.getByRole("list", { name: "Messages liés à l'appel" })).toHaveTextContent("DURAND Hélène — Ordonnance");
    expect(close.getByRole("radio", { name: "Message pris pour le médecin" })).toBeChecked();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.close")[0]).toMatchObject({ outcome: "message", links: { appointmentIds: [], messageIds: [taken!.id] } });
  });

  it("changes a message's status with message.setStatus", async () => {
    const { user, bridge } = await renderCallScreen({ messages: [{ ...earlier, status: "nouveau" }] });
    await openCallByNumbers(user, "04 78 00 00 01");
    const item = await within(await screen.findByRole("region", { name: "Messages du cabinet" })).findByRole("article", { name: "LEFÈVRE Marc" });
    expect(within(item).queryByRole("button", { name: "Marquer comme nouveau le message de LEFÈVRE Marc" })).not.toBeInTheDocument();

    await user.click(within(item).getByRole("button", { name: "Marquer comme traité le message de LEFÈVRE Marc" }));

    expect(bridge.mutationsNamed("message.setStatus")).toEqual([{ id: earlier.id, status: "traite" }]);
    await waitFor(() => expect(screen.getByRole("article", { name: "LEFÈVRE Marc" })).toHaveTextContent("Traité"));
  });

  it("says why a status did not change", async () => {
    const { user, bridge } = await renderCallScreen({ messages: [earlier] });
    await openCallByNumbers(user, "04 78 00 00 01");
    const item = await screen.findByRole("article", { name: "LEFÈVRE Marc" });
    bridge.failures["mutations.apply"] = "Base locale indisponible";

    await user.click(within(item).getByRole("button", { name: "Marquer comme traité le message de LEFÈVRE Marc" }));

    expect(await within(region("Messages du cabinet")).findByRole("alert")).toHaveTextContent("État du message inchangé : Base locale indisponible");
  });

  it("requires the text, keeps what was typed when the core refuses, and cancels with Escape", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await screen.findByText("Aucun message pour ce cabinet.");
    await user.click(screen.getByRole("button", { name: "Nouveau message" }));
    const dialog = within(await screen.findByRole("dialog", { name: "Message pour le médecin" }));

    expect(dialog.getByLabelText("Nom de l'appelant")).toHaveValue("");
    await user.click(dialog.getByRole("button", { name: "Enregistrer le message" }));
    expect(dialog.getByText("Indiquez le nom de l'appelant.")).toBeInTheDocument();
    expect(dialog.getByText("Écrivez le message.")).toBeInTheDocument();
    expect(dialog.getByLabelText("Nom de l'appelant")).toHaveFocus();

    await user.type(dialog.getByLabelText("Nom de l'appelant"), "Mme Roussel");
    await user.type(dialog.getByLabelText("Message"), "Rappeler");
    bridge.failures["mutations.apply"] = "Base locale indisponible";
    await user.click(dialog.getByRole("button", { name: "Enregistrer le message" }));
    expect(await dialog.findByRole("alert")).toHaveTextContent("Le message n'a pas pu être enregistré : Base locale indisponible");
    expect(dialog.getByLabelText("Message")).toHaveValue("Rappeler");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("says so when the messages cannot be read", async () => {
    const { user, bridge } = await renderCallScreen();
    bridge.failures["messages.byPractice"] = "Base locale indisponible";
    await openCallByNumbers(user, "04 78 00 00 01");
    expect(await screen.findByText("Messages indisponibles : Base locale indisponible")).toBeInTheDocument();
  });

  it("Alt+L goes to the practice's messages", async () => {
    const { user } = await renderCallScreen();
    await openCallByNumbers(user, "04 78 00 00 01");
    await screen.findByText("Aucun message pour ce cabinet.");
    await user.keyboard("{Alt>}l{/Alt}");
    expect(screen.getByRole("heading", { name: "Messages du cabinet" })).toHaveFocus();
  });

  it("asks for a practice before a message can be taken", async () => {
    const { user } = await renderCallScreen();
    await user.keyboard("{Alt>}m{/Alt}");
    const dialog = within(await screen.findByRole("dialog", { name: "Message pour le médecin" }));
    expect(dialog.getByText(/Ouvrez d'abord l'appel d'un cabinet/)).toBeInTheDocument();
    expect(dialog.getByRole("button", { name: "Fermer" })).toHaveFocus();
  });
});
