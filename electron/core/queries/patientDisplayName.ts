/** "KERÉBEL Hélène": the name the patient goes by, then the first name, as lists and agendas show it. */
export function patientDisplayName(patient: { usedName: string | null; birthName: string; firstName: string }): string {
  return `${patient.usedName ?? patient.birthName} ${patient.firstName}`;
}
