import { z } from "zod";

/**
 * Validation messages in French, for every schema of the project: what a secretary, an agency's IT
 * or a client of the API reads when input is refused ("UUID invalide", "Trop petit : …").
 * Imported for its effect by the modules that declare the boundaries' schemas.
 */
z.config(z.locales.fr());

/** zod's issues as one French sentence: "field.path : message ; …" (the separator is the caller's house style). */
export function describeIssues(error: z.ZodError, separator = " : "): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}${separator}${issue.message}` : issue.message)).join(" ; ");
}
