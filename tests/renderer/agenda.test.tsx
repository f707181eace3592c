import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parisDayOf, parisDayOfDate, parisWeekOfDate } from "../../shared/domain/parisTime";
import type { WaitlistEntryView } from "../../shared/api/views";
import { dropAppointment } from "../../renderer/src/features/agenda/dropAppointment";
import { HELENE_PHONE, IDS, MOTIFS, FIXTURE_NOW } from "./fixtures";
import type { FakeBridge } from "./fakeBridge";
import { openCallByNumbers, renderCallScreen } from "./renderApp";

const agenda = () => within(screen.getByRole("region", { name: "Agenda" }));
const dialogNamed = (name: string) => screen.findByRole("dialog", { name });
const TILLEULS = "04 78 00 00 01";

/** A call from Hélène Durand's number: one match, so she is the identified patient. */
async function callFromHelene() {
  const rendered = await renderCallScreen();
  await openCallByNumbers(rendered.user, TILLEULS, HELENE_PHONE);
  await agenda().findByRole("list", { name: "Prochains créneaux libres" });
  return rendered;
}

/**
 * The server's answer to what is queued: the changes named are refused (slot taken), the others
 * confirmed; the core then announces its status, as after a push.
 */
function serverAnswers(bridge: FakeBridge, refusedNames: string[]): void {
  act(() => {
    const refused = bridge.data.pendingChanges.filter((change) => refusedNames.includes(change.name));
    bridge.data.conflicts = refused.map((change, index) => ({
      id: `5f000000-0000-4000-8000-00000000000${index}`,
      seq: change.seq,
      name: change.name,
      args: change.args,
      errorCode: "slot_taken",
      errorMessage: "Ce créneau vient d'être pris par un autre poste.",
      rejectedAt: "2031-11-20T09:05:00.000Z",
      subject: { patient: "DURAND Hélène", phone: HELENE_PHONE, practitioner: "Dr Claire Martin", practice: "Cabinet médical des Tilleuls" },
    }));
    const refusedIds = new Set(refused.map((change) => (change.args as { id: string }).id));
    bridge.data.appointments = bridge.data.appointments.filter((appointment) => !refusedIds.has(appointment.id));
    bridge.data.pendingChanges = [];
    bridge.data.syncStatus = { ...bridge.data.syncStatus, state: "online", pendingCount: 0, conflictCount: refused.length };
    bridge.emit("sync.status", bridge.data.syncStatus);
  });
}

/**
 * Opens an appointment of the grid from the keyboard, as the calendar lets one: focus, then Enter. The day is
 * first drawn as a sketch, not interactive: the grid that follows it holds the appointment's focusable element.
 */
async function openAppointmentNamed(title: string) {
  const event = await waitFor(() => {
    const found = agenda().getByText(title).closest<HTMLElement>("[tabindex]");
    expect(found).not.toBeNull();
    return found;
  });
  act(() => {
    event!.focus();
    fireEvent.keyDown(event!, { key: "Enter" });
  });
  return dialogNamed("Rendez-vous");
}

describe("booking", () => {
  it("books a free slot of the list for the identified caller, links it to the call and proposes 'rendez-vous pris'", async () => {
    const { user, bridge } = await callFromHelene();
    await user.click(agenda().getByRole("button", { name: "Réserver le lun. 24 nov. 09:15 avec Dr Claire Martin" }));

    const dialog = within(await dialogNamed("Prendre rendez-vous"));
    expect(dialog.getByText("Patient : DURAND Hélène")).toBeInTheDocument();
    expect(dialog.getByLabelText("Praticien")).toHaveDisplayValue("Dr Claire Martin — Médecin généraliste");
    expect(dialog.getByLabelText("Motif")).toHaveDisplayValue("Consultation (20\u00a0min)");
    expect(await dialog.findByRole("radio", { name: "lun. 24 nov. 09:15" })).toBeChecked();
    await user.click(dialog.getByRole("button", { name: "Réserver" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    const [booked] = bridge.mutationsNamed("appointment.book");
    expect(booked).toMatchObject({
      practitionerId: IDS.drMartin,
      patientId: IDS.heleneDurand,
      appointmentTypeId: MOTIFS.martinConsultation,
      startAt: "2031-11-24T08:15:00.000Z",
      endAt: "2031-11-24T08:35:00.000Z",
      agreementId: null,
    });
    // Taken here; the server has not said yes yet.
    expect(screen.getByText("Rendez-vous du lun. 24 nov. 09:15 avec Dr Claire Martin enregistré, en attente de confirmation du serveur.")).toBeInTheDocument();
    // The agenda goes to the booked day, where the new appointment waits for the server's confirmation.
    expect(bridge.callsTo("agenda.range").at(-1)).toMatchObject({ from: parisDayOfDate("2031-11-24").from });
    expect(await agenda().findByText("DURAND Hélène — Consultation (en attente d'envoi)")).toBeInTheDocument();
    // The slot is taken: the list read again no longer offers it.
    expect(agenda().queryByRole("button", { name: "Réserver le lun. 24 nov. 09:15 avec Dr Claire Martin" })).not.toBeInTheDocument();

    await user.keyboard("{Alt>}c{/Alt}");
    const close = within(await dialogNamed("Clôturer l'appel"));
    expect(close.getByRole("radio", { name: "Rendez-vous pris" })).toBeChecked();
    await user.click(close.getByRole("button", { name: "Enregistrer l'issue" }));
    await waitFor(() => expect(bridge.mutationsNamed("call.close")).toHaveLength(1));
    expect(bridge.mutationsNamed("call.close")[0]).toMatchObject({ outcome: "rdv_pris", links: { appointmentIds: [booked!.id] } });
    expect(bridge.violations).toEqual([]);
  });

  it("says when the server confirms the booking", async () => {
    const { user, bridge } = await callFromHelene();
    await user.click(agenda().getByRole("button", { name: "Réserver le lun. 24 nov. 09:15 avec Dr Claire Martin" }));
    await user.click(within(await dialogNamed("Prendre rendez-vous")).getByRole("button", { name: "Réserver" }));
    await waitFor(() => expect(bridge.mutationsNamed("appointment.book")).toHaveLength(1));

    serverAnswers(bridge, []);

    expect(await screen.findByText("Rendez-vous du lun. 24 nov. 09:15 : confirmé par le serveur.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Refusé par le serveur" })).not.toBeInTheDocument();
  });

  it("lost to another workstation: says so at once, whom to call back, offers the next slots, and the call's outcome follows", async () => {
    const { user, bridge } = await callFromHelene();
    await user.click(agenda().getByRole("button", { name: "Réserver le lun. 24 nov. 09:15 avec Dr Claire Martin" }));
    await user.click(within(await dialogNamed("Prendre rendez-vous")).getByRole("button", { name: "Réserver" }));
    await waitFor(() => expect(bridge.mutationsNamed("appointment.book")).toHaveLength(1));

    serverAnswers(bridge, ["appointment.book"]);

    const refusal = within(await screen.findByRole("region", { name: "Refusé par le serveur" })).getByRole("alert");
    expect(refusal).toHaveTextContent("Refus du serveur — Rendez-vous du lun. 24 nov. 09:15 : Ce créneau vient d'être pris par un autre poste.");
    expect(refusal).toHaveTextContent("À rappeler : DURAND Hélène · 06 12 34 56 78 · avec Dr Claire Martin · Cabinet médical des Tilleuls");
    expect(screen.queryByText(/confirmé par le serveur/)).not.toBeInTheDocument();

    // One key to the next free slots of the same practitioner and motif, for the same caller.
    await user.click(within(refusal).getByRole("button", { name: "Proposer d'autres créneaux" }));
    const again = within(await dialogNamed("Prendre rendez-vous"));
    expect(again.getByText("Patient : DURAND Hélène")).toBeInTheDocument();
    expect(again.getByLabelText("Praticien")).toHaveDisplayValue("Dr Claire Martin — Médecin généraliste");
    expect(again.getByLabelText("Motif")).toHaveDisplayValue("Consultation (20\u00a0min)");
    await waitFor(() => expect(again.getAllByRole("radio").some((radio) => (radio as HTMLInputElement).checked)).toBe(true));
    expect(screen.queryByRole("region", { name: "Refusé par le serveur" })).not.toBeInTheDocument();
    await user.keyboard("{Escape}");

    // Nothing was booked in the end: the close dialog does not claim it.
    await user.keyboard("{Alt>}c{/Alt}");
    const close = within(await dialogNamed("Clôturer l'appel"));
    expect(close.getByRole("radio", { name: "Rendez-vous pris" })).not.toBeChecked();
  });

  it("offers the motif's own slots and reads out its instructions", async () => {
    const { user, bridge } = await callFromHelene();
    await user.keyboard("{Alt>}b{/Alt}");
    const dialog = within(await dialogNamed("Prendre rendez-vous"));
    expect(dialog.getByLabelText("Praticien")).toHaveFocus();

    await user.selectOptions(dialog.getByLabelText("Motif"), MOTIFS.martinBilan);
    expect(dialog.getByText("À lire au patient : Venir à jeun depuis la veille au soir.")).toBeInTheDocument();
    expect(dialog.getByText("Motif réservé aux patients déjà suivis par Dr Claire Martin.")).toBeInTheDocument();
    await waitFor(() => expect(bridge.callsTo("agenda.freeSlots").at(-1)).toMatchObject({ practitionerIds: [IDS.drMartin], appointmentTypeId: MOTIFS.martinBilan }));
    expect(await dialog.findByText("Aucun créneau libre pour ce motif dans les six prochains mois.")).toBeInTheDocument();

  });

  it("needs an identified patient, and keeps the dialog with the core's refusal", async () => {
    const { user, bridge } = await renderCallScreen();
    await openCallByNumbers(user, TILLEULS, "05 55 00 00 00");
    await agenda().findByRole("list", { name: "Prochains créneaux libres" });
    await user.click(agenda().getByRole("button", { name: "Prendre rendez-vous" }));
    const dialog = within(await dialogNamed("Prendre rendez-vous"));
    expect(dialog.getByRole("alert")).toHaveTextContent("Identifiez d'abord le patient (Alt+I), recherchez-le (Alt+R) ou créez-le (Alt+P).");
    await dialog.findByRole("radio", { name: "lun. 24 nov. 09:15" });
    await user.click(dialog.getByRole("button", { name: "Réserver" }));
    expect(bridge.mutationsNamed("appointment.book")).toHaveLength(0);
    await user.keyboard("{Escape}");

    // Now with a patient, but the core refuses (a rule of the practice).
    const helene = await callFromHeleneOn(bridge, user);
    bridge.failures["mutations.apply"] = { code: "booking_rule", message: "Dr Claire Martin ne consulte pas à cette heure." };
    await user.click(helene.getByRole("button", { name: "Réserver" }));
    expect(await helene.findByText("Le rendez-vous n'a pas pu être pris : Dr Claire Martin ne consulte pas à cette heure.")).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Prendre rendez-vous" })).toBeInTheDocument();
  });
});

/** In the same screen: the unknown caller is identified as Hélène through the search, then Alt+B. */
async function callFromHeleneOn(bridge: Awaited<ReturnType<typeof renderCallScreen>>["bridge"], user: Awaited<ReturnType<typeof renderCallScreen>>["user"]) {
  await user.keyboard("{Alt>}r{/Alt}");
  await user.keyboard("durand");
  await user.click(await screen.findByRole("button", { name: /^Identifier DURAND Hélène .*comme l'appelant$/ }));
  expect(bridge.violations).toEqual([]);
  await user.keyboard("{Alt>}b{/Alt}");
  const dialog = within(await dialogNamed("Prendre rendez-vous"));
  await dialog.findByRole("radio", { name: "lun. 24 nov. 09:15" });
  return dialog;
}

describe("the caller's own appointments", () => {
  it("are in the practice card once she is identified; Alt+O then Enter opens the first, to move or cancel it", async () => {
    const { user } = await callFromHelene();
    const own = within(await screen.findByRole("region", { name: /^Rendez-vous de DURAND Hélène/ }));
    const coming = (await own.findByRole("list", { name: "Rendez-vous à venir" })).querySelectorAll("li");
    expect([...coming].map((item) => item.querySelector("span")?.textContent)).toEqual([
      "jeudi 20 novembre 2031 à 10:00 — Consultation avec Dr Claire Martin",
      "vendredi 21 novembre 2031 à 09:00 — Consultation avec Dr Claire Martin",
    ]);

    await user.keyboard("{Alt>}o{/Alt}");
    expect(own.getByRole("button", { name: "Déplacer ou annuler le rendez-vous du jeudi 20 novembre 2031 à 10:00" })).toHaveFocus();
    await user.keyboard("{Enter}");

    const dialog = within(await dialogNamed("Rendez-vous"));
    expect(dialog.getByText("DURAND Hélène")).toBeInTheDocument();
    expect(dialog.getByRole("button", { name: "Déplacer" })).toBeInTheDocument();
    expect(dialog.getByRole("button", { name: "Annuler le rendez-vous" })).toBeInTheDocument();
  });

  it("shows the first three to come, the others one click away", async () => {
    const { user, bridge } = await renderCallScreen();
    const [first] = bridge.data.appointments;
    bridge.data.appointments = [1, 2, 3, 4, 5].map((day) => ({
      ...first!,
      id: `5a000000-0000-4000-8000-00000000000${day}`,
      startAt: `2031-12-0${day}T09:00:00.000Z`,
      endAt: `2031-12-0${day}T09:20:00.000Z`,
    }));
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    const own = within(await screen.findByRole("region", { name: /^Rendez-vous de DURAND Hélène/ }));
    const coming = () => own.getByRole("list", { name: "Rendez-vous à venir" }).querySelectorAll("li");
    await waitFor(() => expect(coming()).toHaveLength(3));
    const more = own.getByRole("button", { name: "Afficher les 2 autres" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await user.click(more);
    expect(coming()).toHaveLength(5);
    expect(own.getByRole("button", { name: "Afficher les premiers seulement" })).toHaveAttribute("aria-expanded", "true");
  });

  it("says when there is none to come, and lists the last ones before with what happened", async () => {
    const { user, bridge } = await renderCallScreen();
    bridge.data.appointments = bridge.data.appointments.map((appointment) =>
      appointment.patientId === IDS.heleneDurand ? { ...appointment, startAt: "2031-11-13T09:00:00.000Z", endAt: "2031-11-13T09:20:00.000Z", status: "fulfilled" as const } : appointment,
    );
    await openCallByNumbers(user, TILLEULS, HELENE_PHONE);
    const own = within(await screen.findByRole("region", { name: /^Rendez-vous de DURAND Hélène/ }));
    expect(await own.findByText("Aucun rendez-vous à venir.")).toBeInTheDocument();
    expect(own.getByRole("list", { name: "Derniers rendez-vous passés" })).toHaveTextContent("jeudi 13 novembre 2031 à 10:00 — Consultation avec Dr Claire Martin — honoré");
  });
});

describe("an appointment of the grid", () => {
  it("moves where it is dragged, and goes back with the reason when the move is refused", async () => {
    const { bridge } = await callFromHelene();
    const id = "50000000-0000-4000-8000-000000000001";
    const reverted: string[] = [];
    const revert = (why: string) => () => reverted.push(why);
    const later = (iso: string) => new Date(Date.parse(iso));
    await agenda().findByText("DURAND Hélène — Consultation");

    // Into the past: refused here, without asking the core.
    await act(() => dropAppointment(id, new Date("2020-01-06T09:00:00Z"), new Date("2020-01-06T09:20:00Z"), revert("passé")));
    expect(agenda().getByRole("alert")).toHaveTextContent("Un rendez-vous ne peut pas être déplacé dans le passé.");
    expect(bridge.mutationsNamed("appointment.move")).toEqual([]);

    // The core refuses (a rule of the practice): back in place, with its words.
    bridge.failures["mutations.apply"] = { code: "outside_hours", message: "Dr Claire Martin ne consulte pas à cette heure." };
    await act(() => dropAppointment(id, later("2031-11-24T19:00:00Z"), later("2031-11-24T19:20:00Z"), revert("horaires")));
    expect(agenda().getByRole("alert")).toHaveTextContent("Le rendez-vous n'a pas pu être déplacé : Dr Claire Martin ne consulte pas à cette heure.");

    delete bridge.failures["mutations.apply"];
    await act(() => dropAppointment(id, later("2031-11-24T09:00:00Z"), later("2031-11-24T09:20:00Z"), revert("accepté")));
    expect(reverted).toEqual(["passé", "horaires"]);
    expect(bridge.mutationsNamed("appointment.move")).toEqual([{ id, startAt: "2031-11-24T09:00:00.000Z", endAt: "2031-11-24T09:20:00.000Z" }]);
    expect(agenda().queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the appointment's SMS to the patient and what became of them, and says when they cannot be read offline", async () => {
    const { bridge } = await callFromHelene();
    bridge.data.appointmentSms["50000000-0000-4000-8000-000000000001"] = [
      { id: "5b000000-0000-4000-8000-000000000002", kind: "reminder", status: "prevu", appointmentStartAt: "2031-11-24T09:00:00.000Z", number: "+33612345678", sendAt: "2031-11-22T17:00:00.000Z", sentAt: null, deliveredAt: null, reason: null, text: null },
      { id: "5b000000-0000-4000-8000-000000000001", kind: "confirmation", status: "remis", appointmentStartAt: "2031-11-24T09:00:00.000Z", number: "+33612345678", sendAt: "2031-11-20T09:00:00.000Z", sentAt: "2031-11-20T09:00:05.000Z", deliveredAt: "2031-11-20T09:00:09.000Z", reason: null, text: "RDV confirmé" },
    ];
    let dialog = within(await openAppointmentNamed("DURAND Hélène — Consultation"));
    const sms = within(dialog.getByRole("region", { name: "SMS au patient" }));
    expect((await sms.findAllByRole("listitem")).map((item) => item.textContent)).toEqual(["Rappel\u00a0: prévu pour le 22/11/2031 à 18:00", "Confirmation\u00a0: remis le 20/11/2031 à 10:00"]);
    expect(bridge.callsTo("sms.ofAppointment")).toEqual([{ appointmentId: "50000000-0000-4000-8000-000000000001" }]);

    act(() => dialog.getByRole("button", { name: "Fermer" }).click());
    bridge.failures["sms.ofAppointment"] = { code: "unreachable", message: "Serveur injoignable : cette action demande une connexion au serveur de l'agence." };
    dialog = within(await openAppointmentNamed("DURAND Hélène — Consultation"));
    expect(await dialog.findByText("SMS indisponibles : Serveur injoignable : cette action demande une connexion au serveur de l'agence.")).toBeInTheDocument();
  });

  it("asks again while an SMS awaits its receipt, and stops once it has come", async () => {
    const { bridge } = await callFromHelene();
    const sent = { id: "5b000000-0000-4000-8000-000000000001", kind: "confirmation" as const, status: "envoye" as const, appointmentStartAt: "2031-11-24T09:00:00.000Z", number: "+33612345678", sendAt: "2031-11-20T09:00:00.000Z", sentAt: "2031-11-20T09:00:05.000Z", deliveredAt: null, reason: null, text: "RDV confirmé" };
    bridge.data.appointmentSms["50000000-0000-4000-8000-000000000001"] = [sent];
    const dialog = within(await openAppointmentNamed("DURAND Hélène — Consultation"));
    const sms = within(dialog.getByRole("region", { name: "SMS au patient" }));
    const listed = async () => (await sms.findAllByRole("listitem")).map((item) => item.textContent);
    expect(await listed()).toEqual(["Confirmation\u00a0: envoyé le 20/11/2031 à 10:00"]);
    // The gateway's receipt reaches the server.
    bridge.data.appointmentSms["50000000-0000-4000-8000-000000000001"] = [{ ...sent, status: "remis", deliveredAt: "2031-11-20T09:00:09.000Z" }];
    await waitFor(async () => expect(await listed()).toEqual(["Confirmation\u00a0: remis le 20/11/2031 à 10:00"]), { timeout: 3000 });
    const asked = bridge.callsTo("sms.ofAppointment").length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(bridge.callsTo("sms.ofAppointment")).toHaveLength(asked);
  });

  it("moves to another free slot of the same motif, and the call proposes 'rendez-vous déplacé'", async () => {
    const { user, bridge } = await callFromHelene();
    const dialog = within(await openAppointmentNamed("DURAND Hélène — Consultation"));
    expect(dialog.getByText("Dr Claire Martin")).toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Déplacer" }));
    const second = await dialog.findByRole("radio", { name: "lun. 24 nov. 09:35" });
    expect(dialog.getByRole("radio", { name: "lun. 24 nov. 09:15" })).toBeChecked();
    await user.click(second);
    await user.click(dialog.getByRole("button", { name: "Déplacer ici" }));

    await waitFor(() => expect(bridge.mutationsNamed("appointment.move")).toHaveLength(1));
    expect(bridge.mutationsNamed("appointment.move")[0]).toEqual({
      id: "50000000-0000-4000-8000-000000000001",
      startAt: "2031-11-24T08:35:00.000Z",
      endAt: "2031-11-24T08:55:00.000Z",
    });
    await user.keyboard("{Alt>}c{/Alt}");
    expect(within(await dialogNamed("Clôturer l'appel")).getByRole("radio", { name: "Rendez-vous déplacé" })).toBeChecked();
  });

  it("is cancelled only with a reason, and records what happened", async () => {
    const { user, bridge } = await callFromHelene();
    let dialog = within(await openAppointmentNamed("LEFÈVRE Marc — Vaccination"));
    // At 11:00, not begun at 10:00: nothing can be said yet of what happened.
    for (const name of ["Honoré", "Absence excusée", "Absence non excusée"]) expect(dialog.queryByRole("button", { name })).not.toBeInTheDocument();
    await user.click(dialog.getByRole("button", { name: "Annuler le rendez-vous" }));
    await user.click(dialog.getByRole("button", { name: "Confirmer l'annulation" }));
    expect(dialog.getByText("Indiquez le motif de l'annulation.")).toBeInTheDocument();
    await user.type(dialog.getByLabelText("Motif de l'annulation"), "Patient rétabli{Enter}");
    await waitFor(() => expect(bridge.mutationsNamed("appointment.cancel")).toEqual([{ id: "50000000-0000-4000-8000-000000000002", reason: "Patient rétabli" }]));
    // Cancelled appointments leave the grid.
    await waitFor(() => expect(agenda().queryByText(/LEFÈVRE Marc — Vaccination/)).not.toBeInTheDocument());

    dialog = within(await openAppointmentNamed("DURAND Hélène — Consultation"));
    await user.click(dialog.getByRole("button", { name: "Absence excusée" }));
    await waitFor(() => expect(bridge.mutationsNamed("appointment.setStatus")).toEqual([{ id: "50000000-0000-4000-8000-000000000001", status: "noshow_excused" }]));
    expect(await agenda().findByText("DURAND Hélène — Consultation (absence excusée, en attente d'envoi)")).toBeInTheDocument();
  });
});

const offered: WaitlistEntryView = {
  id: "70000000-0000-4000-8000-000000000001",
  practiceId: IDS.tilleuls,
  patientId: IDS.marcLefevre,
  patientName: "LEFÈVRE Marc",
  appointmentTypeId: MOTIFS.martinConsultation,
  motifLabel: "Consultation",
  practitionerIds: [IDS.drMartin],
  preferredWindows: [],
  notes: null,
  createdAt: "2031-11-01T09:00:00.000Z",
  offer: {
    practitionerId: IDS.drMartin,
    appointmentTypeId: MOTIFS.martinConsultation,
    motifLabel: "Consultation",
    startAt: "2031-11-24T08:15:00.000Z",
    endAt: "2031-11-24T08:35:00.000Z",
    agreementId: null,
  },
};

describe("the waitlist", () => {
  it("shows a freed slot to propose; 'Réserver ce créneau' books it and takes the patient off the list", async () => {
    const { user, bridge } = await renderCallScreen({ waitlist: [offered] });
    await openCallByNumbers(user, TILLEULS);
    const alert = await agenda().findByText("Créneau libéré : proposer à LEFÈVRE Marc le lun. 24 nov. 09:15 avec Dr Claire Martin (Consultation)");
    expect(alert).toHaveAttribute("role", "alert");
    await user.click(agenda().getByRole("button", { name: "Réserver ce créneau" }));
    await waitFor(() => expect(bridge.mutationsNamed("waitlist.remove")).toEqual([{ id: offered.id }]));
    expect(bridge.mutationsNamed("appointment.book")[0]).toMatchObject({ patientId: IDS.marcLefevre, startAt: offered.offer!.startAt, endAt: offered.offer!.endAt, agreementId: null });
    await waitFor(() => expect(agenda().getByRole("heading", { name: "Liste d'attente (0)" })).toBeInTheDocument());
  });

  it("books a slot offered on the practitioner's « oui » citing that agreement", async () => {
    const agreementId = "80000000-0000-4000-8000-0000000000a1";
    const { user, bridge } = await renderCallScreen({ waitlist: [{ ...offered, offer: { ...offered.offer!, agreementId } }] });
    await openCallByNumbers(user, TILLEULS);
    await user.click(await agenda().findByRole("button", { name: "Réserver ce créneau" }));
    await waitFor(() => expect(bridge.mutationsNamed("appointment.book")).toHaveLength(1));
    expect(bridge.mutationsNamed("appointment.book")[0]).toMatchObject({ patientId: IDS.marcLefevre, agreementId });
  });

  it("notes the patient's refusal, and says why an action failed", async () => {
    const { user, bridge } = await renderCallScreen({ waitlist: [offered] });
    await openCallByNumbers(user, TILLEULS);
    await agenda().findByRole("button", { name: "Refusé par le patient" });
    bridge.failures["mutations.apply"] = { code: "offline", message: "Base locale indisponible." };
    await user.click(agenda().getByRole("button", { name: "Refusé par le patient" }));
    expect(await agenda().findByText("Le refus n'a pas pu être enregistré : Base locale indisponible.")).toBeInTheDocument();
    delete bridge.failures["mutations.apply"];
    await user.click(agenda().getByRole("button", { name: "Refusé par le patient" }));
    await waitFor(() => expect(bridge.mutationsNamed("waitlist.decline")).toEqual([{ id: offered.id }]));
    await waitFor(() => expect(agenda().queryByRole("button", { name: "Refusé par le patient" })).not.toBeInTheDocument());
  });

  it("puts the identified caller on the list with the practitioners and days she can take (Alt+A)", async () => {
    const { user, bridge } = await callFromHelene();
    await user.keyboard("{Alt>}a{/Alt}");
    const dialog = within(await dialogNamed("Inscrire sur la liste d'attente"));
    expect(dialog.getByLabelText("Motif")).toHaveFocus();
    await user.click(dialog.getByLabelText("Dr Jean Dupont"));
    await user.click(dialog.getByLabelText("Mardi"));
    await user.click(dialog.getByLabelText("Jeudi"));
    await user.clear(dialog.getByLabelText("Disponible à partir de"));
    await user.type(dialog.getByLabelText("Disponible à partir de"), "14:00");
    await user.click(dialog.getByRole("button", { name: "Inscrire" }));
    await waitFor(() => expect(bridge.mutationsNamed("waitlist.add")).toHaveLength(1));
    expect(bridge.mutationsNamed("waitlist.add")[0]).toMatchObject({
      practiceId: IDS.tilleuls,
      patientId: IDS.heleneDurand,
      appointmentTypeId: MOTIFS.martinConsultation,
      practitionerIds: [IDS.drMartin, IDS.drDupont],
      preferredWindows: [
        { weekday: 2, start: "14:00", end: "19:00" },
        { weekday: 4, start: "14:00", end: "19:00" },
      ],
    });
    expect(await agenda().findByRole("heading", { name: "Liste d'attente (1)" })).toBeInTheDocument();
  });
});

describe("the grid in French", () => {
  it("leaves none of FullCalendar's English labels, shown or read out", async () => {
    await callFromHelene();
    await agenda().findAllByRole("region", { name: /^Agenda de / });
    // After the sketch of the first frame, FullCalendar's grid.
    await agenda().findAllByRole("table");
    const html = document.body.innerHTML;
    expect(html).toContain("Heures");
    for (const english of ["Timed", "Events", "Close", "Today", "Prev", "Next"]) expect(html).not.toMatch(new RegExp(`["> ]${english}["<]`));
  });
});

describe("agenda navigation", () => {
  it("goes day by day, to the week view and to one practitioner's agenda", async () => {
    const { user, bridge } = await callFromHelene();
    const today = parisDayOf(new Date(FIXTURE_NOW));
    await user.click(agenda().getByRole("button", { name: "Jour suivant" }));
    const tomorrow = parisDayOf(new Date(Date.parse(today.to) + 3_600_000));
    await waitFor(() => expect(bridge.callsTo("agenda.range").at(-1)).toMatchObject({ from: tomorrow.from, to: tomorrow.to }));
    expect(await agenda().findByText("DURAND Hélène — Consultation")).toBeInTheDocument();

    await user.click(agenda().getByRole("button", { name: "Semaine" }));
    expect(agenda().getByRole("button", { name: "Semaine" })).toHaveAttribute("aria-pressed", "true");
    const week = parisWeekOfDate(tomorrow.date);
    await waitFor(() => expect(bridge.callsTo("agenda.range").at(-1)).toMatchObject({ from: week.from, to: week.to }));

    await user.selectOptions(agenda().getByLabelText("Praticien affiché"), "Dr Jean Dupont");
    await waitFor(() => expect(bridge.callsTo("agenda.range").at(-1)).toMatchObject({ practitionerIds: [IDS.drDupont] }));
    await user.click(agenda().getByRole("button", { name: "Aujourd'hui" }));
    await waitFor(() => expect(bridge.callsTo("agenda.range").at(-1)).toMatchObject({ practitionerIds: [IDS.drDupont], from: parisWeekOfDate(today.date).from }));
    expect(bridge.violations).toEqual([]);
  });

  it("reads the agenda and the waitlist again after a sync that changed them, not after one that brought a call", async () => {
    const { bridge } = await callFromHelene();
    const count = () => ({ waitlist: bridge.callsTo("waitlist.byPractice").length, agenda: bridge.callsTo("agenda.range").length, practices: bridge.callsTo("practices.list").length });
    const before = count();
    act(() => bridge.emit("replica.changed", { tables: ["call", "message"] }));
    // A later sync that brought a practice, which re-reads the practices only: once that reading is
    // seen, a redraw the first sync had wrongly started would be seen too (it would have begun first).
    act(() => bridge.emit("replica.changed", { tables: ["practice"] }));
    await waitFor(() => expect(bridge.callsTo("practices.list")).toHaveLength(before.practices + 1));
    expect(count()).toEqual({ ...before, practices: before.practices + 1 });

    act(() => bridge.emit("replica.changed", { tables: ["call", "waitlist_entry"] }));
    await waitFor(() => expect(bridge.callsTo("waitlist.byPractice")).toHaveLength(before.waitlist + 1));
    expect(count()).toEqual({ waitlist: before.waitlist + 1, agenda: before.agenda + 1, practices: before.practices + 1 });
  });
});
