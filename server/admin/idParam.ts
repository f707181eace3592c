import { z } from "zod";

/** The `:id` of an admin route: a UUID, or a 400 before anything is read. */
export const idParam = z.strictObject({ id: z.string().uuid("Identifiant invalide") });
