import { describe, expect, it } from "vitest";
import { pushRequest } from "../../shared/api/wire";
import { MutationRejected, parseMutationArgs } from "../../shared/sync/mutations";

describe("validation messages", () => {
  it("explain refused input in French, also where a schema sets no message of its own", () => {
    let message = "";
    try {
      parseMutationArgs("appointment.book", { id: "6f1c2a7e-2b9d-4c1e-9a55-0d3f4e5a6b7c" });
    } catch (error) {
      expect(error).toBeInstanceOf(MutationRejected);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Demande invalide \(appointment\.book\) : /);
    expect(message).toMatch(/chaîne de caractères attendu/);
    expect(message).not.toMatch(/expected|Invalid/);

    const push = pushRequest.safeParse({ clientId: "x", mutations: [] });
    expect(push.error?.issues.map((issue) => issue.message).join(" ; ")).toMatch(/UUID invalide ; Trop petit/);
  });
});
