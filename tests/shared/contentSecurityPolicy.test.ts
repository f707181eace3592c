import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, RENDERER_SECURITY_HEADERS } from "../../shared/api/contentSecurityPolicy";

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe("Content-Security-Policy", () => {
  const directives = parse(CONTENT_SECURITY_POLICY);

  it("states exactly the agreed directives", () => {
    expect(Object.fromEntries(directives)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "frame-ancestors": ["'none'"],
      "form-action": ["'none'"],
    });
  });

  it("never lets scripts run inline or from eval, and never reaches the network", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\b(https?:|ws:|wss:|\*)/);
  });

  it("is sent with nosniff on every response", () => {
    expect(RENDERER_SECURITY_HEADERS["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(RENDERER_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("the browser harness's policy", () => {
  it("adds only its loopback socket to connect-src and changes nothing else", () => {
    const harness = parse(contentSecurityPolicy(["ws://127.0.0.1:5180"]));
    const app = parse(CONTENT_SECURITY_POLICY);
    expect(harness.get("connect-src")).toEqual(["'self'", "ws://127.0.0.1:5180"]);
    for (const [directive, sources] of app) if (directive !== "connect-src") expect(harness.get(directive)).toEqual(sources);
  });
});
