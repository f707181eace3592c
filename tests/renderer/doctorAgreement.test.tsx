import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HELENE_PHONE, IDS, MOTIFS } from "./fixtures";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

/**
 * « Demander au médecin », end to end on the call screen: Dr Dupont sees a new patient only with his
 * agreement. One action asks him (a message of its own kind, tied to the caller and the wanted slot);
 * his answer is noted on that message; the booking then cites it, and only it.
 */
const TILLEULS = "04 78 00 00 01";
const dialogNamed = (name: string) => screen.findByRole("dialog", { name });
const messages = () => within(screen.getByRole("region", { name: "Messages du cabinet" }));

async function bookingWithDupont(user: Awaited<ReturnType<typeof renderCallScreen>>["user"]) {
  await user.keyboard("{Alt>}b{/Alt}");
  const dialog = within(await dialogNamed("Prendre rendez-vous"));
  await user.selectOptions(dialog.getByLabelText("Praticien"), "Dr Jean Dupont — Médecin généraliste");
  expect(await dialog.findByRole("radio", { name: "mar. 25 nov. 14:00" })).toBeChecked();
  return dialog;
}

describe("asking the doctor's agreement for a new patient", () => {
  it("asks in one action, records the answer on the request, and books citing it", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    await screen.findByRole("list", { name: "Prochains créneaux libres" });

    let dialog = await bookingWithDupont(user);
    expect(
      await dialog.findByText("Nouveau patient : Dr Jean Dupont le reçoit seulement avec son accord. Demandez-le ; le rendez-vous se prend dès sa réponse."),
    ).toBeInTheDocument();
    await user.type(dialog.getByLabelText("Note pour le cabinet"), "Vient d'emménager");
    await user.click(dialog.getByRole("button", { name: "Demander l'accord du médecin" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByText("Accord demandé à Dr Jean Dupont : le rendez-vous pourra être pris dès sa réponse, notée dans les messages du cabinet.")).toBeInTheDocument();
    expect(bridge.mutationsNamed("appointment.book")).toHaveLength(0);
    const [request] = bridge.mutationsNamed("message.create");
    expect(request).toMatchObject({
      practitionerId: IDS.drDupont,
      patientId: IDS.heleneDurand,
      callerName: "DURAND Hélène",
      callbackNumber: HELENE_PHONE,
      category: "accord_nouveau_patient",
      request: { appointmentTypeId: MOTIFS.dupontConsultation, startAt: expect.stringMatching(/^2031-11-25T13:00:00/), endAt: expect.stringMatching(/^2031-11-25T13:20:00/) },
    });
    // French typography: a no-break space before « : » and « ? » and inside the quotes.
    expect(request!.text.replace(/\u00a0/g, " ")).toBe(
      "Nouveau patient : DURAND Hélène demande un rendez-vous « Consultation », de préférence le mar. 25 nov. 14:00. Votre accord pour ce premier rendez-vous ? Note : Vient d'emménager",
    );
    expect(request!.callId).not.toBeNull();

    // Before the answer, the booking dialog says it is awaited, and a booking would cite nothing.
    dialog = await bookingWithDupont(user);
    expect(await dialog.findByText(/^Accord demandé à Dr Jean Dupont le .* : pas encore de réponse\./)).toBeInTheDocument();
    expect(dialog.queryByRole("button", { name: "Demander l'accord du médecin" })).not.toBeInTheDocument();
    await user.keyboard("{Escape}");

    // The doctor answers; the secretary notes it on the request, in the practice's messages.
    const item = within(await messages().findByRole("article", { name: "DURAND Hélène" }));
    expect(item.getByText("Demandé : « Consultation », de préférence le mar. 25 nov. 14:00")).toBeInTheDocument();
    expect(item.getByText("En attente de la réponse du médecin")).toBeInTheDocument();
    await user.click(item.getByRole("button", { name: "Noter la réponse du médecin pour DURAND Hélène" }));
    expect(item.getByLabelText("Ses mots (facultatif)")).toHaveFocus();
    await user.keyboard("Oui, mardi");
    await user.click(item.getByRole("button", { name: "Accord du médecin pour DURAND Hélène" }));
    await waitFor(() => expect(bridge.mutationsNamed("message.answer")).toEqual([{ id: request!.id, agreed: true, note: "Oui, mardi" }]));
    const answered = within(await messages().findByRole("article", { name: "DURAND Hélène" }));
    expect(await answered.findByText(/^Accord du médecin, noté le .* : « Oui, mardi »$/)).toBeInTheDocument();
    expect(answered.getByRole("button", { name: "Modifier la réponse du médecin pour DURAND Hélène" })).toHaveFocus();

    // The booking now cites that answer.
    dialog = await bookingWithDupont(user);
    expect(await dialog.findByText(/^Accord de Dr Jean Dupont le .* \(« Oui, mardi »\) : le rendez-vous le cite\.$/)).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Réserver" }));
    await waitFor(() => expect(bridge.mutationsNamed("appointment.book")).toHaveLength(1));
    expect(bridge.mutationsNamed("appointment.book")[0]).toMatchObject({ practitionerId: IDS.drDupont, patientId: IDS.heleneDurand, agreementId: request!.id });
  });

  it("says the doctor refused, and keeps the request out of the hand-written message's categories", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    await screen.findByRole("list", { name: "Prochains créneaux libres" });
    const dialog = await bookingWithDupont(user);
    await user.click(await dialog.findByRole("button", { name: "Demander l'accord du médecin" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    const item = within(await messages().findByRole("article", { name: "DURAND Hélène" }));
    await user.click(item.getByRole("button", { name: "Noter la réponse du médecin pour DURAND Hélène" }));
    await user.click(item.getByRole("button", { name: "Refus du médecin pour DURAND Hélène" }));
    await waitFor(() => expect(bridge.mutationsNamed("message.answer")).toMatchObject([{ agreed: false, note: null }]));

    const again = await bookingWithDupont(user);
    expect(await again.findByRole("alert")).toHaveTextContent(/^Dr Jean Dupont a refusé ce nouveau patient le .*\.$/);
    await user.keyboard("{Escape}");

    await user.keyboard("{Alt>}m{/Alt}");
    const message = within(await dialogNamed("Message pour le médecin"));
    const categories = within(message.getByLabelText("Catégorie")).getAllByRole("option").map((option) => option.textContent);
    expect(categories).not.toContain("Demande d'accord (nouveau patient)");
    expect(categories).toContain("Rappel demandé");
  });

  it("shows nothing of it for a patient the practitioner already sees, and says a closed practitioner's no to a new one", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, "06 98 76 54 32");
    await screen.findByRole("list", { name: "Prochains créneaux libres" });
    await user.keyboard("{Alt>}b{/Alt}");
    const dialog = within(await dialogNamed("Prendre rendez-vous"));
    expect(dialog.getByText("Patient : LEFÈVRE Marc")).toBeInTheDocument();
    // Marc Lefèvre already sees Dr Dupont: no agreement to ask.
    await user.selectOptions(dialog.getByLabelText("Praticien"), "Dr Jean Dupont — Médecin généraliste");
    await waitFor(() => expect(bridge.callsTo("messages.agreement").at(-1)).toEqual({ patientId: IDS.marcLefevre, practitionerId: IDS.drDupont }));
    await dialog.findByRole("radio", { name: "mar. 25 nov. 14:00" });
    expect(dialog.queryByText(/accord/)).not.toBeInTheDocument();
    // He is new to Mme Bernard, who takes no new patient.
    await user.selectOptions(dialog.getByLabelText("Praticien"), "Mme Sophie Bernard — Sage-femme");
    expect(await dialog.findByText("Mme Sophie Bernard ne prend pas de nouveaux patients.")).toBeInTheDocument();
    expect(dialog.queryByRole("button", { name: "Demander l'accord du médecin" })).not.toBeInTheDocument();
  });
});
