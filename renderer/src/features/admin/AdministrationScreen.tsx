import { useState } from "react";
import { AccountsTab } from "./AccountsTab";
import { AuditTab } from "./AuditTab";
import { BillingTab } from "../billing/BillingTab";
import { DevicesTab } from "./DevicesTab";
import { FailedSmsTab } from "./FailedSmsTab";
import { NoticesTab } from "./NoticesTab";
import { PracticesTab } from "./PracticesTab";

const TABS = [
  { id: "comptes", label: "Comptes", Content: AccountsTab },
  { id: "postes", label: "Postes", Content: DevicesTab },
  { id: "cabinets", label: "Cabinets", Content: PracticesTab },
  { id: "courriels", label: "Courriels", Content: NoticesTab },
  { id: "sms", label: "SMS", Content: FailedSmsTab },
  { id: "facturation", label: "Facturation", Content: BillingTab },
  { id: "audit", label: "Journal d'audit", Content: AuditTab },
] as const;

type TabId = (typeof TABS)[number]["id"];

/**
 * The administrators' screen: accounts, workstations, practices (card, practitioners, motifs, consignes), the doctors'
 * e-mail notices not sent, the patients' SMS in failure, billing the practices, and the audit trail, asked of the server (online
 * only; the server checks the role again). Tabs follow the ARIA pattern: arrows move between them.
 */
export function AdministrationScreen() {
  const [tab, setTab] = useState<TabId>("comptes");
  const current = TABS.find((candidate) => candidate.id === tab) ?? TABS[0];

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const next = TABS[(index + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`onglet-${next.id}`)?.focus();
  }

  return (
    <main className="agency-screen" aria-labelledby="administration-titre">
      <h2 id="administration-titre">Administration</h2>
      <div role="tablist" aria-label="Rubriques de l'administration" onKeyDown={onKeyDown}>
        {TABS.map((candidate) => (
          <button
            key={candidate.id}
            id={`onglet-${candidate.id}`}
            type="button"
            role="tab"
            className="button"
            aria-selected={candidate.id === tab}
            aria-controls={`panneau-${candidate.id}`}
            tabIndex={candidate.id === tab ? 0 : -1}
            onClick={() => setTab(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div id={`panneau-${current.id}`} role="tabpanel" aria-labelledby={`onglet-${current.id}`}>
        <current.Content />
      </div>
    </main>
  );
}
