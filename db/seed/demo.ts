/**
 * The few seeded facts other code may rely on: every size starts with this practice and this
 * patient, so end-to-end tests and demos can dial a known number and search a known name.
 * Everything else in the seed is drawn at random (reproducibly) and may change.
 */
export const DEMO_PRACTICE = {
  id: "5e1f0c3a-7d42-4b8e-9a16-2c3b4d5e6f70",
  name: "Cabinet médical des Tilleuls",
  kind: "cabinet",
  dialledNumber: "+33144556677",
  practitionerCount: 3,
} as const;

/**
 * The demo practice's second practitioner (the first is away today): the doctor whose portal account
 * `praticien` the demo server makes (server/demo/demoPractitionerAccount.ts).
 */
export const DEMO_PRACTITIONER = { rank: 1, title: "Dr", firstName: "Camille", lastName: "Perrot", sex: "F" } as const;

export const DEMO_PATIENT = {
  id: "8a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
  practiceId: DEMO_PRACTICE.id,
  firstName: "Hélène",
  birthName: "Le Goff",
  usedName: "Kerébel",
  birthDate: "1972-05-14",
  phones: ["+33612345678", "+33145678912"],
  email: "helene.kerebel@orange.fr",
} as const;

/** The agency's people; the local store keeps no passwords, the server will. */
export const SEED_USERS = [
  { login: "secretaire", displayName: "Camille Laurent", role: "secretary", extension: "201", practices: "all" },
  { login: "secretaire2", displayName: "Inès Moreau", role: "secretary", extension: "202", practices: "first_half" },
  { login: "superviseur", displayName: "Nathalie Girard", role: "supervisor", extension: "300", practices: "all" },
  { login: "admin", displayName: "Marc Lefort", role: "admin", extension: null, practices: "all" },
] as const;
