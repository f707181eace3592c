import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionView } from "../../shared/api/contract";
import type { BillingMonthView } from "../../shared/api/billingApi";
import { IDS } from "./fixtures";
import { renderCallScreen } from "./renderApp";
import { camille, syncStatus } from "./syncFixtures";

/** Administration › Facturation (issue 19) on the fake bridge: the month's statements, issuing one, its files, a contract. */
const admin: SessionView = { ...camille, user: { ...camille.user!, role: "admin", name: "Marc Lefort" } };

function october(): BillingMonthView {
  return {
    month: "2031-10-01",
    ended: true,
    practices: [
      {
        status: "a_emettre",
        practiceId: IDS.tilleuls,
        practiceName: "Cabinet médical des Tilleuls",
        draft: { lines: [{ label: "Appels facturables", quantity: 1234, unitCents: 95, amountCents: 117_230 }], billableCalls: 1234, outOfHoursCalls: 0, vatRateBp: 2000, totalHtCents: 117_230, vatCents: 23_446, totalTtcCents: 140_676 },
      },
      { status: "sans_contrat", practiceId: IDS.gare, practiceName: "Maison de santé de la Gare" },
    ],
    agency: { billableCalls: 1234, totalHtCents: 117_230, vatCents: 23_446, totalTtcCents: 140_676 },
  };
}

async function openBilling() {
  const rendered = await renderCallScreen({ session: admin, syncStatus: syncStatus() });
  rendered.bridge.data.agency.billing.months["2031-10"] = october();
  const nav = within(await screen.findByRole("navigation", { name: "Écrans" }));
  await rendered.user.click(nav.getByRole("button", { name: "Administration" }));
  await rendered.user.click(screen.getByRole("tab", { name: "Facturation" }));
  return rendered;
}

afterEach(() => vi.restoreAllMocks());

describe("billing the practices, in the administration", () => {
  it("shows last month's statements and the agency's total in euros, issues one after confirming, and gives its PDF", async () => {
    const { user, bridge } = await openBilling();
    const table = await screen.findByRole("table", { name: "Relevés de octobre 2031" });
    const tilleuls = within(table).getByRole("row", { name: /^Cabinet médical des Tilleuls/ });
    expect(within(tilleuls).getAllByRole("cell").map((cell) => cell.textContent).slice(0, 4)).toEqual(["1234", "1\u00a0172,30\u00a0€", "234,46\u00a0€", "1\u00a0406,76\u00a0€"]);
    expect(within(table).getByRole("row", { name: /^Maison de santé de la Gare/ })).toHaveTextContent("Sans contrat");
    expect(within(table).getByRole("row", { name: /^Agence/ }).textContent).toBe("Agence12341\u00a0172,30\u00a0€234,46\u00a0€1\u00a0406,76\u00a0€");

    await user.click(within(tilleuls).getByRole("button", { name: "Émettre : relevé de Cabinet médical des Tilleuls" }));
    expect(bridge.callsTo("billing.issue")).toEqual([]);
    await user.click(within(tilleuls).getByRole("button", { name: "Confirmer l'émission (définitive) : relevé de Cabinet médical des Tilleuls" }));
    expect(await screen.findByText("Relevé n° 2031-00001 émis pour Cabinet médical des Tilleuls.")).toHaveAttribute("role", "status");
    expect(bridge.callsTo("billing.issue")).toEqual([{ practiceId: IDS.tilleuls, month: "2031-10" }]);
    const pdf = await screen.findByRole("button", { name: "Télécharger le PDF du relevé de Cabinet médical des Tilleuls" });
    await waitFor(() => expect(pdf).toHaveFocus());

    const created = vi.fn(() => "blob:releve");
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    await user.click(pdf);
    await waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    expect(bridge.callsTo("billing.download")).toEqual([{ statementId: "90000000-0000-4000-8000-000000000001", format: "pdf" }]);
    expect(((created.mock.calls[0] as unknown as [Blob])[0]).type).toBe("application/pdf");
  });

  it("refuses a contract with a price that is not one, in French, before sending it", async () => {
    const { user, bridge } = await openBilling();
    await screen.findByRole("table", { name: "Relevés de octobre 2031" });
    await user.click(screen.getByText("Contrat d'un cabinet"));
    const form = within(screen.getByRole("form", { name: "Contrat d'un cabinet" }));
    await user.type(form.getByLabelText("Prix par appel facturé (€ HT)"), "0,9x");
    await user.click(form.getByRole("button", { name: "Enregistrer le contrat" }));
    expect(form.getByRole("alert")).toHaveTextContent("Prix par appel : montant en euros attendu (par exemple 0,95).");
    expect(bridge.callsTo("billing.contracts.save")).toEqual([]);

    await user.clear(form.getByLabelText("Prix par appel facturé (€ HT)"));
    await user.type(form.getByLabelText("Prix par appel facturé (€ HT)"), "0,95");
    await user.click(form.getByRole("button", { name: "Enregistrer le contrat" }));
    expect(await form.findByRole("status")).toHaveTextContent("Contrat de Cabinet médical des Tilleuls enregistré à compter de 10/2031.");
    expect(bridge.callsTo("billing.contracts.save")[0]).toMatchObject({ practiceId: IDS.tilleuls, contract: { effectiveFrom: "2031-10-01", pricing: "par_appel", pricePerCallCents: 95, vatRateBp: 2000 } });
  });
});
