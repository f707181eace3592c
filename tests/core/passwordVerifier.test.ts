import { describe, expect, it } from "vitest";
import { checkPassword, makePasswordVerifier } from "../../electron/core/session/passwordVerifier";

describe("local password verifier", () => {
  it("accepts the password it was made from, and only that one", async () => {
    const verifier = await makePasswordVerifier("Éléphant rose 42");
    expect(verifier).not.toContain("Éléphant");
    expect(await checkPassword(verifier, "Éléphant rose 42")).toBe(true);
    // The same text however the keyboard composed its accents (NFC and NFD).
    expect(await checkPassword(verifier, "Éléphant rose 42".normalize("NFD"))).toBe(true);
    expect(await checkPassword(verifier, "éléphant rose 42")).toBe(false);
    expect(await checkPassword(verifier, "")).toBe(false);
  });

  it("salts every verifier, and refuses a damaged one rather than throwing", async () => {
    const [first, second] = await Promise.all([makePasswordVerifier("demo"), makePasswordVerifier("demo")]);
    expect(first).not.toBe(second);
    expect(await checkPassword("", "demo")).toBe(false);
    expect(await checkPassword("scrypt$1$8$3$AAAA$AAAA", "demo")).toBe(false);
    expect(await checkPassword(first.replace(/\$\d+\$/, "$3$"), "demo")).toBe(false);
    expect(await checkPassword(first.slice(0, -4), "demo")).toBe(false);
  });
});
