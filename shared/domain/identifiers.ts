import { z } from "zod";
import "./frenchValidation";

/** The two primitives every boundary schema speaks of, declared once: a row's id and an instant. */
export const id = z.string().uuid({ message: "Identifiant invalide" });
/** An ISO 8601 instant with its offset ("2026-11-24T09:00:00+01:00" or "…Z"). */
export const instant = z.string().datetime({ offset: true, message: "Date et heure ISO 8601 attendues" });
