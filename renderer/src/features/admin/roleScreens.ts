import type { UserRole } from "../../../../shared/domain/enums";
import type { Screen } from "../../stores/screenStore";

/** The agency screens a role may open; the server refuses the others whatever the screen shows. */
export function screensFor(role: UserRole): Array<Exclude<Screen, "calls">> {
  if (role === "admin") return ["administration", "reports", "statistics"];
  if (role === "supervisor") return ["reports", "statistics"];
  return [];
}

export const SCREEN_LABELS: Record<Screen, string> = { calls: "Appels", administration: "Administration", reports: "Rapports", statistics: "Statistiques" };

export const ROLE_LABELS: Record<UserRole, string> = { secretary: "Secrétaire", supervisor: "Superviseur", admin: "Administrateur", practitioner: "Praticien" };
