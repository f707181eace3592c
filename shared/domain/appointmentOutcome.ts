/**
 * Whether an appointment can be marked honoured or missed now: only once it has begun (a patient cannot
 * have missed what is still to come), and never once cancelled. Null when it can, else the reason in French.
 * The workstation and the server apply the same rule.
 */
export function outcomeRefusal(appointment: { status: string; startAt: string | Date }, now: string | Date): { code: "invalid"; message: string } | null {
  if (appointment.status === "cancelled") return { code: "invalid", message: "Un rendez-vous annulé ne peut pas être honoré." };
  if (new Date(appointment.startAt).getTime() > new Date(now).getTime()) {
    return { code: "invalid", message: "Ce rendez-vous n'a pas encore commencé : il ne peut pas être marqué honoré ou manqué." };
  }
  return null;
}
