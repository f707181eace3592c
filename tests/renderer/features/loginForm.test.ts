import { describe, expect, it } from "vitest";
import { readLoginForm } from "../../../renderer/src/features/sync/loginForm";

describe("the sign-in form", () => {
  it("makes the request, trimming the address and the identifier but not the password", () => {
    expect(readLoginForm({ serverUrl: " https://agence.exemple.fr ", login: " c.laurent ", password: " secret " }, null)).toEqual({
      request: { serverUrl: "https://agence.exemple.fr", login: "c.laurent", password: " secret " },
    });
  });

  it("needs the address only when the workstation knows no server", () => {
    const values = { serverUrl: "", login: "c.laurent", password: "secret" };
    expect(readLoginForm(values, "https://agence.exemple.fr")).toEqual({ request: { login: "c.laurent", password: "secret" } });
    expect(readLoginForm(values, null)).toEqual({ errors: { serverUrl: "Saisissez l'adresse du serveur de l'agence." } });
  });

  it("says what is missing, field by field", () => {
    expect(readLoginForm({ serverUrl: "", login: "  ", password: "" }, "https://agence.exemple.fr")).toEqual({
      errors: { login: "Saisissez votre identifiant.", password: "Saisissez votre mot de passe." },
    });
  });

  it("refuses an address the core would refuse, with the contract's message", () => {
    const result = readLoginForm({ serverUrl: "agence", login: "c.laurent", password: "secret" }, null);
    expect(result).toEqual({ errors: { serverUrl: "Adresse du serveur invalide" } });
    const ftp = readLoginForm({ serverUrl: "ftp://agence.exemple.fr", login: "c.laurent", password: "secret" }, null);
    expect(ftp).toEqual({ errors: { serverUrl: "Adresse du serveur en http:// ou https:// attendue" } });
  });
});
