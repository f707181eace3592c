import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PortalApiError, type PortalApi } from "../../portal/src/portalApi";
import { PortalApp } from "../../portal/src/PortalApp";
import type { PortalDirectiveView, PortalMessageView, PortalSessionView } from "../../shared/api/portal";
import type { Absence } from "../../shared/domain/schedules";

/** Issue 16: the portal's page, driven as a doctor would, key by key, against a stand-in for its API. */
const session: PortalSessionView = {
  user: { id: "10000000-0000-4000-8000-000000000001", name: "Dr Camille Perrot" },
  practitioners: [{ id: "20000000-0000-4000-8000-000000000001", name: "Dr Camille Perrot", practiceId: "30000000-0000-4000-8000-000000000001", practiceName: "Cabinet médical des Tilleuls" }],
  csrfToken: "jeton",
  idleMinutes: 30,
};

const message = (id: string, callerName: string, extra: Partial<PortalMessageView> = {}): PortalMessageView => ({
  id,
  practiceId: session.practitioners[0]!.practiceId,
  practitionerId: session.practitioners[0]!.id,
  practitionerName: "Dr Camille Perrot",
  callerName,
  callbackNumber: "+33612345678",
  category: "rappel",
  urgency: "normale",
  text: `Rappeler ${callerName} avant midi.`,
  status: "nouveau",
  createdAt: "2026-12-04T09:15:00.000Z",
  reading: null,
  ...extra,
});

const signedOut = () => new PortalApiError("unauthenticated", "Connexion requise : identifiez-vous sur le portail.");

function monthTotals(received: number) {
  return {
    received,
    answered: received - 2,
    missed: 2,
    outgoing: 0,
    handled: received - 2,
    averageSeconds: 200,
    p90Seconds: 370,
    outcomes: { rdv_pris: received - 4, rdv_deplace: 0, rdv_annule: 0, message: 2, transfert: 0, info: 0, urgence_reorientee: 0, reoriente_confrere: 0, autre: 0 },
    appointments: { booked: 12, moved: 3, cancelled: 2 },
    noShows: { excused: 1, unexcused: 2 },
    messages: 5,
  };
}

/** A month's report as the server answers it: 20 calls, 16 the month before. */
function monthReport(month: string) {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${last}`,
    practiceId: null,
    totals: monthTotals(20),
    days: [],
    hours: [
      { weekday: 1, hour: 8, received: 15, answered: 14, missed: 1 },
      { weekday: 1, hour: 17, received: 5, answered: 4, missed: 1 },
    ],
    previous: { from: "2026-10-01", to: "2026-10-31", totals: monthTotals(16) },
  };
}

function fakeApi(overrides: Partial<PortalApi> = {}): PortalApi {
  let messages = [message("40000000-0000-4000-8000-000000000001", "M. Urgent", { urgency: "urgente" }), message("40000000-0000-4000-8000-000000000002", "Mme Durand")];
  let consignes: PortalDirectiveView[] = [
    { id: "50000000-0000-4000-8000-000000000000", practiceId: session.practitioners[0]!.practiceId, practitionerId: null, category: "general", title: "Accueil", text: "Ouverture à 8 h.", priority: 5, validFrom: null, validTo: null, own: false },
  ];
  let absences: Absence[] = [];
  let feeds: { id: string; practitionerId: string; createdAt: string; revokedAt: string | null }[] = [];
  const reading = (at: string) => ({ readAt: at, readBy: "Dr Camille Perrot", treatedAt: null, reply: null });
  const change = (id: string, changed: (m: PortalMessageView) => PortalMessageView) => {
    messages = messages.map((m) => (m.id === id ? changed(m) : m));
    return messages.find((m) => m.id === id)!;
  };
  return {
    session: vi.fn(async () => Promise.reject(signedOut())),
    login: vi.fn(async (login: string, password: string) => {
      if (password !== "demo") throw new PortalApiError("invalid_credentials", "Identifiant ou mot de passe incorrect.");
      return login === "nouveau" ? { step: "setup" as const, setup: { secret: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", uri: "otpauth://totp/x", qrSvg: "<svg xmlns='http://www.w3.org/2000/svg'/>" } } : { step: "code" as const };
    }),
    secondFactor: vi.fn(async (code: string) => {
      if (code !== "123456") throw new PortalApiError("invalid_code", "Code incorrect ou déjà utilisé : saisissez le code que l'application affiche maintenant.");
      return { session, recoveryCodes: ["aaaa-bbbb-cccc-dddd", "eeee-ffff-gggg-hhhh"] };
    }),
    logout: vi.fn(async () => {}),
    messages: vi.fn(async () => messages),
    read: vi.fn(async (id: string) => change(id, (m) => ({ ...m, status: m.status === "nouveau" ? "lu" : m.status, reading: m.reading ?? reading("2026-12-04T13:32:00.000Z") }))),
    treat: vi.fn(async (id: string, reply: string) =>
      change(id, (m) => ({ ...m, status: "traite", reading: { ...(m.reading ?? reading("2026-12-04T13:40:00.000Z")), treatedAt: "2026-12-04T13:40:00.000Z", reply: reply.trim() || null } })),
    ),
    consignes: vi.fn(async () => consignes),
    createConsigne: vi.fn(async (fields) => {
      const created = { ...fields, id: `50000000-0000-4000-8000-00000000000${consignes.length + 1}`, practiceId: session.practitioners[0]!.practiceId, own: true };
      consignes = [...consignes, created];
      return created;
    }),
    updateConsigne: vi.fn(async (id: string, fields) => {
      consignes = consignes.map((consigne) => (consigne.id === id ? { ...consigne, ...fields } : consigne));
      return consignes.find((consigne) => consigne.id === id)!;
    }),
    endConsigne: vi.fn(async (id: string) => {
      const ended = consignes.find((consigne) => consigne.id === id)!;
      consignes = consignes.filter((consigne) => consigne.id !== id);
      return { ...ended, validTo: "2026-12-04T13:00:00.000Z" };
    }),
    agenda: vi.fn(async (practitionerId: string, view: "jour" | "semaine", date?: string) => ({
      practitionerId,
      date: date ?? (view === "semaine" ? "2026-11-30" : "2026-12-04"),
      from: "2026-12-03T23:00:00.000Z",
      to: "2026-12-04T23:00:00.000Z",
      appointments:
        date === undefined && view === "jour"
          ? [{ id: "60000000-0000-4000-8000-000000000001", startAt: "2026-12-04T08:00:00.000Z", endAt: "2026-12-04T08:20:00.000Z", motif: "Consultation", patientName: "KERÉBEL Hélène", status: "booked" }]
          : [],
      absences: [],
    })),
    calendarFeeds: vi.fn(async () => feeds),
    createCalendarFeed: vi.fn(async (practitionerId: string) => {
      const feed = { id: `70000000-0000-4000-8000-00000000000${feeds.length + 1}`, practitionerId, createdAt: "2026-12-04T13:00:00.000Z", revokedAt: null };
      feeds = [feed, ...feeds];
      return { ...feed, path: `/ics/${"a".repeat(43)}.ics` };
    }),
    revokeCalendarFeed: vi.fn(async (id: string) => {
      feeds = feeds.map((feed) => (feed.id === id ? { ...feed, revokedAt: "2026-12-04T13:05:00.000Z" } : feed));
      return feeds.find((feed) => feed.id === id)!;
    }),
    activite: vi.fn(async (query: { month?: string; practiceId?: string }) => monthReport(query.month ?? "2026-11")),
    journee: vi.fn(async () => ({
      date: "2026-12-04",
      practices: [
        {
          practiceId: session.practitioners[0]!.practiceId,
          practiceName: "Cabinet médical des Tilleuls",
          calls: 12,
          outcomes: [
            { outcome: "rdv_pris" as const, calls: 7 },
            { outcome: "message" as const, calls: 4 },
            { outcome: null, calls: 1 },
          ],
          appointments: { booked: 7, moved: 1, cancelled: 2 },
          messages: { total: 4, urgent: 1 },
        },
      ],
    })),
    absences: vi.fn(async () => [{ id: session.practitioners[0]!.id, name: "Dr Camille Perrot", practiceName: "Cabinet médical des Tilleuls", absences }]),
    addAbsence: vi.fn(async (_id: string, absence: Absence) => {
      absences = [...absences, absence];
      return { absences, covered: 2 };
    }),
    removeAbsence: vi.fn(async (_id: string, absence: Absence) => {
      absences = absences.filter((one) => one.from !== absence.from);
      return { absences, covered: 0 };
    }),
    notices: vi.fn(async () => ({ email: "c.perrot@cabinet.example", digestHours: [12, 18] })),
    saveNotices: vi.fn(async (digestHours: number[]) => ({ email: "c.perrot@cabinet.example", digestHours })),
    ...overrides,
  };
}

describe("the practitioners' portal", () => {
  it("signs in with the password, then sets up the second factor by QR code, shows the recovery codes once, then the messages", async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    render(<PortalApp api={api} />);
    const login = await screen.findByLabelText("Identifiant");
    expect(login).toHaveFocus();
    await user.type(login, "nouveau");
    await user.type(screen.getByLabelText("Mot de passe"), "faux{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Identifiant ou mot de passe incorrect.");
    expect(screen.getByLabelText("Mot de passe")).toHaveFocus();
    await user.type(screen.getByLabelText("Mot de passe"), "demo{Enter}");

    expect(await screen.findByRole("heading", { name: "Activer la double authentification" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /QR code du secret/ })).toHaveAttribute("src", expect.stringMatching(/^data:image\/svg\+xml/));
    expect(screen.getByText("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567")).toBeInTheDocument();
    const code = screen.getByLabelText("Code à 6 chiffres de l'application, ou code de secours");
    expect(code).toHaveFocus();
    await user.type(code, "000000{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Code incorrect");
    expect(code).toHaveFocus();
    await user.type(code, "123456{Enter}");

    const codes = await screen.findByRole("list", { name: "Codes de secours" });
    expect(within(codes).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["aaaa-bbbb-cccc-dddd", "eeee-ffff-gggg-hhhh"]);
    expect(screen.getByRole("button", { name: "J'ai noté ces codes" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Messages" })).toBeInTheDocument();
    expect(screen.getByRole("banner")).toHaveTextContent("Dr Camille Perrot");
    expect(screen.getByRole("banner")).toHaveTextContent("Cabinet médical des Tilleuls");
  });

  it("shows the messages to treat, urgent first; opening one reads it, « Marquer traité » sends the reply", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    const toTreat = await screen.findByRole("region", { name: "À traiter (2)" });
    const [urgent, normal] = within(toTreat).getAllByRole("article");
    expect(urgent).toHaveAccessibleName("M. Urgent");
    expect(urgent).toHaveTextContent("Urgent");
    expect(urgent).toHaveTextContent("Non lu");
    expect(normal).toHaveAccessibleName("Mme Durand");
    // The text shows only once opened: opening is the read receipt.
    expect(toTreat).not.toHaveTextContent("Rappeler Mme Durand avant midi.");

    await user.click(within(normal!).getByRole("button", { name: "Ouvrir le message de Mme Durand" }));
    expect(api.read).toHaveBeenCalledWith("40000000-0000-4000-8000-000000000002");
    const opened = await screen.findByRole("article", { name: "Mme Durand" });
    expect(opened).toHaveTextContent("Rappeler Mme Durand avant midi.");
    expect(opened).toHaveTextContent("Lu le 04/12/2026 à 14:32");
    expect(within(opened).getByRole("link", { name: "06 12 34 56 78" })).toHaveAttribute("href", "tel:+33612345678");

    await user.type(within(opened).getByLabelText("Réponse au secrétariat (facultative)"), "Je la rappelle à 12 h.");
    await user.click(within(opened).getByRole("button", { name: "Marquer traité" }));
    expect(api.treat).toHaveBeenCalledWith("40000000-0000-4000-8000-000000000002", "Je la rappelle à 12 h.");
    const treated = await screen.findByRole("region", { name: "Traités depuis 30 jours (1)" });
    const done = within(treated).getByRole("article", { name: "Mme Durand" });
    expect(within(done).getByLabelText("Votre réponse au secrétariat")).toHaveTextContent("Je la rappelle à 12 h.");
    expect(done).toHaveTextContent("Lu le 04/12/2026 à 14:32 — traité le 04/12/2026 à 14:40");
    expect(screen.getByRole("heading", { name: "À traiter (1)" })).toHaveFocus();
  });

  it("goes back to the sign-in, saying why, when the server has closed the session", async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      session: vi.fn(async () => session),
      read: vi.fn(async () => Promise.reject(new PortalApiError("unauthenticated", "Session fermée après 30 minutes sans activité : reconnectez-vous."))),
    });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Ouvrir le message de M. Urgent" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Session fermée après 30 minutes sans activité");
    await waitFor(() => expect(screen.getByLabelText("Identifiant")).toHaveFocus());
  });

  it("gives a consigne of the doctor's own, for a few days, and ends it; the practice's stay untouchable", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Consignes" }));
    expect(await screen.findByRole("heading", { name: "Consignes", level: 1 })).toHaveFocus();
    const practiceWide = await screen.findByRole("article", { name: "Accueil" });
    expect(within(practiceWide).queryByRole("button")).not.toBeInTheDocument();

    const form = within(screen.getByRole("form", { name: "Nouvelle consigne" }));
    await user.selectOptions(form.getByLabelText("Catégorie"), "Ordonnances");
    await user.type(form.getByLabelText("Titre"), "Renouvellements");
    await user.type(form.getByLabelText("Ce que demande la consigne"), "Pas sans consultation depuis 6 mois.");
    await user.type(form.getByLabelText("À partir du (facultatif)"), "2026-12-07");
    await user.type(form.getByLabelText("Jusqu'au (inclus, facultatif)"), "2026-12-11");
    await user.selectOptions(form.getByLabelText("Priorité"), "Importante");
    await user.click(form.getByRole("button", { name: "Ajouter la consigne" }));
    expect(api.createConsigne).toHaveBeenCalledWith({
      practitionerId: session.practitioners[0]!.id,
      category: "ordonnances",
      priority: 500,
      title: "Renouvellements",
      text: "Pas sans consultation depuis 6 mois.",
      validFrom: "2026-12-06T23:00:00Z",
      validTo: "2026-12-11T23:00:00Z",
    });
    const own = await screen.findByRole("article", { name: "Renouvellements" });
    expect(form.getByLabelText("Titre")).toHaveFocus();
    expect(form.getByLabelText("Titre")).toHaveValue("");

    // Changed in place: its days and words as they stand, the last day before the first refused at once.
    await user.click(within(own).getByRole("button", { name: "Modifier « Renouvellements »" }));
    const edit = within(within(own).getByRole("form", { name: "Modifier « Renouvellements »" }));
    expect(edit.getByLabelText("À partir du (facultatif)")).toHaveValue("2026-12-07");
    expect(edit.getByLabelText("Jusqu'au (inclus, facultatif)")).toHaveValue("2026-12-11");
    expect(edit.getByLabelText("Priorité")).toHaveDisplayValue("Importante");
    await user.clear(edit.getByLabelText("Jusqu'au (inclus, facultatif)"));
    await user.type(edit.getByLabelText("Jusqu'au (inclus, facultatif)"), "2026-12-01");
    await user.click(edit.getByRole("button", { name: "Enregistrer la consigne" }));
    expect(await edit.findByRole("alert")).toHaveTextContent("Le dernier jour doit suivre le premier.");
    expect(api.updateConsigne).not.toHaveBeenCalled();
    await user.clear(edit.getByLabelText("Jusqu'au (inclus, facultatif)"));
    await user.type(edit.getByLabelText("Jusqu'au (inclus, facultatif)"), "2026-12-18");
    await user.clear(edit.getByLabelText("Ce que demande la consigne"));
    await user.type(edit.getByLabelText("Ce que demande la consigne"), "Jamais sans consultation depuis 6 mois.");
    await user.click(edit.getByRole("button", { name: "Enregistrer la consigne" }));
    expect(api.updateConsigne).toHaveBeenCalledWith(expect.any(String), {
      category: "ordonnances",
      priority: 500,
      title: "Renouvellements",
      text: "Jamais sans consultation depuis 6 mois.",
      validFrom: "2026-12-06T23:00:00Z",
      validTo: "2026-12-18T23:00:00Z",
    });
    expect(await screen.findByRole("status")).toHaveTextContent("Consigne « Renouvellements » modifiée.");
    expect(screen.getByRole("heading", { name: "En vigueur et à venir" })).toHaveFocus();
    expect(await within(own).findByText("Jamais sans consultation depuis 6 mois.")).toBeInTheDocument();

    await user.click(within(own).getByRole("button", { name: "Mettre fin à « Renouvellements »" }));
    await waitFor(() => expect(screen.queryByRole("article", { name: "Renouvellements" })).not.toBeInTheDocument());
  });

  it("declares an absence from a day to a day, says how many patients the secretaries will call back, and removes it", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Absences" }));
    const block = within(await screen.findByRole("region", { name: "Absences de Dr Camille Perrot (Cabinet médical des Tilleuls)" }));
    expect(block.getByText("Aucune absence à venir.")).toBeInTheDocument();
    await user.type(block.getByLabelText("Premier jour"), "2026-12-14");
    await user.type(block.getByLabelText("Dernier jour (inclus)"), "2026-12-10");
    await user.click(block.getByRole("button", { name: "Déclarer l'absence" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Le dernier jour d'absence doit suivre le premier.");
    expect(api.addAbsence).not.toHaveBeenCalled();

    await user.clear(block.getByLabelText("Dernier jour (inclus)"));
    await user.type(block.getByLabelText("Dernier jour (inclus)"), "2026-12-18");
    await user.selectOptions(block.getByLabelText("Motif"), "Formation");
    await user.type(block.getByLabelText("Libellé pour le secrétariat (facultatif)"), "Congrès");
    await user.click(block.getByRole("button", { name: "Déclarer l'absence" }));
    expect(api.addAbsence).toHaveBeenCalledWith(session.practitioners[0]!.id, { from: "2026-12-13T23:00:00Z", to: "2026-12-18T23:00:00Z", reason: "formation", label: "Congrès" });
    expect(await screen.findByRole("status")).toHaveTextContent("2 rendez-vous sont à déplacer, le secrétariat rappelle les patients.");
    expect(await block.findByText(/Du 14\/12\/2026 au 18\/12\/2026 \(Congrès\)/)).toBeInTheDocument();

    await user.click(block.getByRole("button", { name: "Retirer l'absence du 14/12/2026 au 18/12/2026" }));
    expect(await block.findByText("Aucune absence à venir.")).toBeInTheDocument();
  });

  it("shows the doctor's day, then moves by days and weeks from the server's today", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Agenda" }));
    const day = await screen.findByRole("region", { name: "vendredi 4 décembre" });
    expect(within(day).getByRole("listitem")).toHaveTextContent("09:00–09:20 — KERÉBEL Hélène (Consultation)");
    expect(api.agenda).toHaveBeenLastCalledWith(session.practitioners[0]!.id, "jour", undefined);
    await user.click(screen.getByRole("button", { name: "Suivant" }));
    await waitFor(() => expect(api.agenda).toHaveBeenLastCalledWith(session.practitioners[0]!.id, "jour", "2026-12-05"));
    expect(await screen.findByRole("region", { name: "samedi 5 décembre" })).toHaveTextContent("Aucun rendez-vous.");
    await user.click(screen.getByRole("button", { name: "Semaine" }));
    await waitFor(() => expect(api.agenda).toHaveBeenLastCalledWith(session.practitioners[0]!.id, "semaine", "2026-12-05"));
    await user.click(screen.getByRole("button", { name: "Aujourd'hui" }));
    await waitFor(() => expect(api.agenda).toHaveBeenLastCalledWith(session.practitioners[0]!.id, "semaine", undefined));
    expect(await screen.findAllByRole("region", { name: /décembre|novembre/ })).toHaveLength(7);
  });

  it("sums up the day of each practice, in counts only", async () => {
    const user = userEvent.setup();
    render(<PortalApp api={fakeApi({ session: vi.fn(async () => session) })} />);
    await user.click(await screen.findByRole("button", { name: "Journée" }));
    const practice = await screen.findByRole("region", { name: "Cabinet médical des Tilleuls" });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Journée — vendredi 4 décembre");
    expect(practice).toHaveTextContent("12 appels · 7 rendez-vous pris · 1 déplacé · 2 annulés · 4 messages (dont 1 urgent)");
    expect(within(practice).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Rendez-vous pris : 7",
      "Message pris pour le médecin : 4",
      "Sans issue notée (en cours) : 1",
    ]);
  });

  it("gives the doctor last month's activity beside the month before, and the calls by weekday and hour, as tables", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Activité" }));
    const figures = await screen.findByRole("table", { name: "Chiffres du mois et du mois précédent" });
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Activité — novembre 2026");
    const row = (label: string) => within(figures).getByRole("row", { name: new RegExp(`^${label}`) }).textContent;
    expect(row("Appels reçus")).toBe("Appels reçus2016");
    expect(row("Décrochés")).toBe("Décrochés18 (90\u00a0%)14 (87,5\u00a0%)");
    const load = screen.getByRole("table", { name: "Appels reçus par jour de la semaine et heure" });
    expect(within(load).getByRole("row", { name: /^lundi/ }).textContent).toBe("lundi155");
    expect(api.activite).toHaveBeenCalledWith({});

    // A month field is set whole (typed digit by digit, its value is not a month until the end).
    fireEvent.change(screen.getByLabelText("Mois"), { target: { value: "2026-10" } });
    await user.click(screen.getByRole("button", { name: "Afficher" }));
    await waitFor(() => expect(api.activite).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Activité — octobre 2026"));
    expect(api.activite).toHaveBeenLastCalledWith({ month: "2026-10", practiceId: "" });
  });

  it("makes a calendar address shown once, selected to copy, and revokes it after a confirmation", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    await user.click(await screen.findByRole("button", { name: "Agenda" }));
    await user.click(await screen.findByRole("button", { name: "Créer une adresse pour Dr Camille Perrot" }));
    const address = await screen.findByLabelText(/Nouvelle adresse pour Dr Camille Perrot/);
    expect(address).toHaveValue(`${window.location.origin}/ics/${"a".repeat(43)}.ics`);
    await waitFor(() => expect(address).toHaveFocus());
    const list = within(await screen.findByRole("list", { name: "Adresses d'agenda" }));
    await user.click(list.getByRole("button", { name: "Révoquer" }));
    expect(api.revokeCalendarFeed).not.toHaveBeenCalled();
    await user.click(list.getByRole("button", { name: "Confirmer la révocation" }));
    expect(await list.findByText(/révoquée le 04\/12\/2026 à 14:05/)).toBeInTheDocument();
  });

  it("lets the doctor choose the hours of the e-mailed digest below the messages, and says what was saved", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ session: vi.fn(async () => session) });
    render(<PortalApp api={api} />);
    const form = within(await screen.findByRole("form", { name: "Heures du résumé par courriel" }));
    expect(screen.getByText(/Les avis vont à c\.perrot@cabinet\.example/)).toBeInTheDocument();
    const hours = within(form.getByRole("group", { name: "Résumé des messages non lus à" }));
    expect(hours.getByRole("checkbox", { name: "12 h" })).toBeChecked();
    expect(hours.getByRole("checkbox", { name: "18 h" })).toBeChecked();
    await user.click(hours.getByRole("checkbox", { name: "18 h" }));
    await user.click(hours.getByRole("checkbox", { name: "8 h" }));
    await user.click(form.getByRole("button", { name: "Enregistrer les heures" }));
    expect(api.saveNotices).toHaveBeenCalledWith([8, 12]);
    expect(await screen.findByRole("status")).toHaveTextContent("Résumé des messages non lus à 8 h et 12 h.");
  });

  it("says how to get e-mails when the agency has no address for the doctor", async () => {
    const api = fakeApi({ session: vi.fn(async () => session), notices: vi.fn(async () => ({ email: null, digestHours: [12, 18] })) });
    render(<PortalApp api={api} />);
    expect(await screen.findByText(/Aucune adresse de courriel n'est indiquée pour vous/)).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Heures du résumé par courriel" })).not.toBeInTheDocument();
  });
});
