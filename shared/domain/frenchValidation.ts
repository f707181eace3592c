import { z } from "zod";

/**
 * Validation messages in French, for every schema of the project: what a secretary, an agency's IT
 * or a client of the API reads when input is refused ("UUID invalide", "Trop petit : …").
 * Imported for its effect by the modules that declare the boundaries' schemas.
 */
z.config(z.locales.fr());
