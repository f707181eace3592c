import { z } from "zod";
import { describeIssues } from "../../shared/domain/frenchValidation";
import { ApiError } from "./apiError";

/** zod's own messages in French; the schemas' custom messages (already French) take precedence. */
const frenchMessages = z.locales.fr().localeError;

/** The parsed value, or a 400 `{error:{code:"invalid"}}` saying in French which field is wrong and why. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value, { error: frenchMessages });
  if (parsed.success) return parsed.data;
  throw new ApiError(400, "invalid", `Requête invalide : ${describeIssues(parsed.error, " — ")}`);
}
