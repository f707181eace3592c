import type { UserRole } from "../../../../shared/domain/enums";
import type { Screen } from "../../stores/screenStore";

/** The agency screens a role may open; the server refuses the others whatever the screen shows. */
export function screensFor(role: UserRole): Array<Exclude<Screen, "calls">> {
  if (role === "admin") return ["administration", "statistics"];
  if (role === "supervisor") return ["statistics"];
  return [];
}

export const SCREEN_LABELS: Record<Screen, string> = { calls: "Appels", administration: "Administration", statistics: "Statistiques" };

export const ROLE_LABELS: Record<UserRole, string> = { secretary: "Secrétaire", supervisor: "Superviseur", admin: "Administrateur", practitioner: "Praticien" };
