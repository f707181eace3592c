import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SessionView } from "../../shared/api/contract";
import type { ActivityReport, ActivityTotals } from "../../shared/api/reportApi";
import { CALL_OUTCOMES } from "../../shared/domain/enums";
import { IDS } from "./fixtures";
import { renderCallScreen } from "./renderApp";
import { camille, syncStatus } from "./syncFixtures";

/** The activity reports screen (issue 19) on the fake bridge: figures, charts and their tables, offline. */
const supervisor: SessionView = { ...camille, user: { ...camille.user!, role: "supervisor", name: "Nathalie Girard" } };

function totals(received: number, more: Partial<ActivityTotals> = {}): ActivityTotals {
  return {
    received,
    answered: received - 2,
    missed: 2,
    outgoing: 3,
    handled: received - 2,
    averageSeconds: 200,
    p90Seconds: 370,
    outcomes: { ...(Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, 0])) as ActivityTotals["outcomes"]), rdv_pris: received - 4, message: 2 },
    appointments: { booked: 12, moved: 3, cancelled: 2 },
    noShows: { excused: 1, unexcused: 2 },
    messages: 5,
    ...more,
  };
}

function monthReport(practiceId: string | null): ActivityReport {
  const days = Array.from({ length: 30 }, (_, index) => ({ day: `2031-11-${String(index + 1).padStart(2, "0")}`, received: index === 2 ? 20 : 0, answered: index === 2 ? 18 : 0, missed: index === 2 ? 2 : 0 }));
  return {
    from: "2031-11-01",
    to: "2031-11-30",
    practiceId,
    totals: totals(20),
    days,
    hours: [
      { weekday: 1, hour: 8, received: 15, answered: 14, missed: 1 },
      { weekday: 1, hour: 17, received: 5, answered: 4, missed: 1 },
    ],
    previous: { from: "2031-10-01", to: "2031-10-31", totals: totals(16, { p90Seconds: null, averageSeconds: null }) },
  };
}

async function openReports() {
  const rendered = await renderCallScreen({ session: supervisor, syncStatus: syncStatus() });
  rendered.bridge.data.agency.reports = [monthReport(null), monthReport(IDS.tilleuls)];
  const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
  await rendered.user.click(nav.getByRole("button", { name: "Rapports" }));
  return rendered;
}

describe("the activity reports screen", () => {
  it("opens on the month of every practice, each figure beside the month before", async () => {
    const { bridge } = await openReports();
    const figures = within(await screen.findByRole("list", { name: "Chiffres clés" }));
    const tile = (label: string) => figures.getByText(label).closest("li")!.textContent;
    expect(tile("Appels reçus")).toBe("Appels reçus20+25\u00a0% (avant\u00a0: 16)");
    expect(tile("Décrochés")).toBe("Décrochés1890\u00a0% des appels reçus+29\u00a0% (avant\u00a0: 14)");
    expect(tile("90 % des appels traités en moins de")).toBe("90 % des appels traités en moins de6\u00a0min\u00a010\u00a0snouveau (avant\u00a0: —)");
    expect(screen.getByRole("heading", { name: "Tous les cabinets — du 01/11/2031 au 30/11/2031" })).toBeInTheDocument();
    expect(screen.getByText("Comparé à la période précédente, du 01/10/2031 au 31/10/2031.")).toBeInTheDocument();
    expect(bridge.callsTo("reports.activity")).toEqual([{ from: "2031-11-01", to: "2031-11-30" }]);
  });

  it("shows a chart's table with T and puts the focus on it, and the load by weekday and hour as a table", async () => {
    const { user } = await openReports();
    const chart = await screen.findByRole("figure", { name: "Appels reçus par jour" });
    const toggle = within(chart).getByRole("button", { name: "Voir le tableau (T)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    toggle.focus();
    await user.keyboard("t");
    const table = within(chart).getByRole("table", { name: "Appels reçus par jour" });
    await waitFor(() => expect(table.parentElement).toHaveFocus());
    const third = within(table).getAllByRole("row")[3]!;
    expect([within(third).getByRole("rowheader").textContent, ...within(third).getAllByRole("cell").map((cell) => cell.textContent)]).toEqual(["lundi 3 novembre 2031", "20", "18", "2", "90\u00a0%"]);
    await user.keyboard("t");
    await waitFor(() => expect(within(chart).getByRole("button", { name: "Voir le tableau (T)" })).toHaveFocus());

    const load = within(screen.getByRole("table", { name: "Charge par jour de la semaine et heure" }));
    const monday = load.getByRole("rowheader", { name: "lundi" }).closest("tr")!;
    expect(within(monday).getAllByRole("cell").map((cell) => cell.textContent).filter(Boolean)).toEqual(["15", "5"]);
    const outcomes = within(screen.getByRole("figure", { name: "Issues des appels reçus" }));
    await user.click(outcomes.getByRole("button", { name: "Voir le tableau (T)" }));
    expect(outcomes.getByRole("row", { name: /^Rendez-vous pris/ }).textContent).toBe("Rendez-vous pris1680\u00a0%");
  });

  it("reads one practice's report when chosen, and says when the server cannot give one", async () => {
    const { user, bridge } = await openReports();
    await screen.findByRole("list", { name: "Chiffres clés" });
    const form = within(screen.getByRole("form", { name: "Rapport à afficher" }));
    await user.selectOptions(form.getByRole("combobox", { name: "Cabinet" }), IDS.tilleuls);
    await user.click(form.getByRole("button", { name: "Afficher" }));
    expect(await screen.findByRole("heading", { name: "Cabinet médical des Tilleuls — du 01/11/2031 au 30/11/2031" })).toBeInTheDocument();
    expect(bridge.callsTo("reports.activity").at(-1)).toEqual({ from: "2031-11-01", to: "2031-11-30", practiceId: IDS.tilleuls });

    await user.click(form.getByRole("button", { name: "Période précédente" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Rapport indisponible : Aucun rapport préparé pour cette période.");
    expect(screen.queryByRole("list", { name: "Chiffres clés" })).not.toBeInTheDocument();
    expect(bridge.callsTo("reports.activity").at(-1)).toEqual({ from: "2031-10-01", to: "2031-10-31", practiceId: IDS.tilleuls });
  });

  it("says an offline workstation has no report rather than figures of its own", async () => {
    const { bridge } = await openReports();
    await screen.findByRole("list", { name: "Chiffres clés" });
    act(() => bridge.emit("sync.status", syncStatus({ state: "offline" })));
    expect(await screen.findByText(/^Hors ligne : les rapports sont calculés par le serveur de l'agence/)).toHaveAttribute("role", "status");
  });
});
