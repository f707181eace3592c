import { describe, expect, it } from "vitest";
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, isAppOriginUrl, isTrustedSenderUrl } from "../../electron/main/appOrigin";

describe("isTrustedSenderUrl", () => {
  it.each(["app://telesec/", "app://telesec/index.html", "app://telesec/agenda?jour=2025-01-12#x", APP_ENTRY_URL])(
    "trusts the app's own page %s",
    (url) => expect(isTrustedSenderUrl(url)).toBe(true),
  );

  it.each([
    "file:///app/dist/renderer/index.html",
    "https://telesec/index.html",
    "http://localhost:5173/",
    "app://evil/index.html",
    "app://telesec.evil.example/",
    "app://telesec:8080/",
    "app://user:pass@telesec/",
    "app://TELESEC.attacker/",
    "devtools://devtools/bundled/inspector.html",
    "about:blank",
    "data:text/html,<script>1</script>",
    "",
    "pas une adresse",
  ])("refuses %s", (url) => expect(isTrustedSenderUrl(url)).toBe(false));

  it("refuses a missing URL (a destroyed frame)", () => {
    expect(isTrustedSenderUrl(undefined)).toBe(false);
    expect(isTrustedSenderUrl(null)).toBe(false);
  });
});

describe("isAppOriginUrl", () => {
  it("is what navigation checks against", () => {
    expect(isAppOriginUrl("app://telesec/patients")).toBe(true);
    expect(isAppOriginUrl("https://example.org/")).toBe(false);
  });
});

describe("the app scheme", () => {
  it("is standard, secure and may be fetched", () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
