/**
 * "KERÉBEL Hélène": the name the patient goes by in capitals, then the first name, as lists and
 * agendas show it: one writing for the workstation's lists, the server's callback messages and the screens.
 */
export function patientDisplayName(patient: { usedName: string | null; birthName: string; firstName: string }): string {
  return `${(patient.usedName ?? patient.birthName).toLocaleUpperCase("fr-FR")} ${patient.firstName}`;
}
