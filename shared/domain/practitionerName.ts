/** What names a practitioner: their title (« Dr », « Pr », « Mme »…), first name and last name. */
export interface NamedPractitioner {
  title: string;
  firstName: string;
  lastName: string;
}

/** "Dr Claire Martin": title, first name, last name — on screens, in refusals, in a calendar's name. */
export function practitionerName(practitioner: NamedPractitioner): string {
  return [practitioner.title, practitioner.firstName, practitioner.lastName].filter((part) => part !== "").join(" ");
}
