/** The fields keyboard shortcuts jump to, by id, so the shortcut handler needs no ref plumbing. */
export const FOCUS_TARGETS = {
  dialledNumber: "champ-numero-appele",
  patientSearch: "champ-recherche-patient",
  conflictsButton: "bouton-conflits",
  conflictInboxTitle: "titre-conflits",
  messagesTitle: "titre-messages-cabinet",
  callerChoice: "choix-patient-appelant",
  agendaTitle: "titre-agenda",
  callerAppointments: "rendez-vous-appelant",
  referrals: "titre-confreres",
  callbacksButton: "bouton-a-rappeler",
  callbacksTitle: "titre-a-rappeler",
} as const;

export function focusTarget(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.focus();
  return true;
}
