import { describe, expect, it } from "vitest";
import { compareDirectives, isInForce } from "../../shared/domain/directives";

const directive = (title: string, category: "urgence" | "general", priority: number, validTo: string | null = null) => ({
  title,
  category,
  priority,
  validTo,
});

describe("compareDirectives", () => {
  it("puts emergencies first, then temporary ones, then by priority", () => {
    const sorted = [
      directive("générale basse", "general", 1),
      directive("temporaire", "general", 0, "2026-12-01T00:00:00Z"),
      directive("générale haute", "general", 5),
      directive("urgence", "urgence", 0),
    ].sort(compareDirectives);
    expect(sorted.map((d) => d.title)).toEqual(["urgence", "temporaire", "générale haute", "générale basse"]);
  });
});

describe("isInForce", () => {
  const at = "2026-11-23T10:00:00Z";
  it("applies open-ended directives", () => expect(isInForce(null, null, at)).toBe(true));
  it("includes the start and excludes the end", () => {
    expect(isInForce(at, null, at)).toBe(true);
    expect(isInForce(null, at, at)).toBe(false);
  });
  it("rejects future and expired directives", () => {
    expect(isInForce("2026-11-24T00:00:00Z", null, at)).toBe(false);
    expect(isInForce(null, "2026-11-22T00:00:00Z", at)).toBe(false);
  });
});
