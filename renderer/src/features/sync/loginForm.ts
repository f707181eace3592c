import { methods, type MethodInput } from "../../../../shared/api/contract";

export interface LoginFormValues {
  serverUrl: string;
  login: string;
  password: string;
}
export type LoginField = keyof LoginFormValues;
export type LoginFormErrors = Partial<Record<LoginField, string>>;
export type LoginRequest = MethodInput<"session.login">;

export const LOGIN_FIELDS: readonly LoginField[] = ["serverUrl", "login", "password"];

const MISSING: Record<LoginField, string> = {
  serverUrl: "Saisissez l'adresse du serveur de l'agence.",
  login: "Saisissez votre identifiant.",
  password: "Saisissez votre mot de passe.",
};

/**
 * The sign-in request the form's values make, or what to correct, field by field. The address
 * may stay empty when the workstation already knows its server, and is not sent when the
 * workstation's configuration sets it. Beyond presence, the contract's
 * own schema judges the values, so the form never sends what the core would refuse.
 */
export function readLoginForm(
  values: LoginFormValues,
  knownServerUrl: string | null,
  serverUrlManaged = false,
): { request: LoginRequest } | { errors: LoginFormErrors } {
  // A server set by the workstation's configuration is the core's to use, never the form's to send.
  const serverUrl = serverUrlManaged ? "" : values.serverUrl.trim();
  const request: LoginRequest = {
    ...(serverUrl === "" ? {} : { serverUrl }),
    login: values.login.trim(),
    password: values.password,
  };

  const errors: LoginFormErrors = {};
  if (serverUrl === "" && knownServerUrl === null && !serverUrlManaged) errors.serverUrl = MISSING.serverUrl;
  if (request.login === "") errors.login = MISSING.login;
  if (request.password === "") errors.password = MISSING.password;

  const parsed = methods["session.login"].input.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isLoginField(field) && errors[field] === undefined) errors[field] = issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { request };
}

function isLoginField(value: unknown): value is LoginField {
  return typeof value === "string" && (LOGIN_FIELDS as readonly string[]).includes(value);
}
