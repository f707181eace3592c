import { describe, expect, it } from "vitest";
import { parseServerArgs } from "../../server/serverArgs";

describe("npm run server -- --now", () => {
  it("starts the server's clock at the instant given, the real one without it", () => {
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--demo", "--now", "2026-12-04T17:50:00+01:00"], {})?.now).toBe(Date.parse("2026-12-04T16:50:00Z"));
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--no-retention", "--now", "2026-12-04T17:50:00+01:00"], {})?.now).toBe(Date.parse("2026-12-04T16:50:00Z"));
    expect(parseServerArgs(["--data-dir", "/srv/telesec"], {})?.now).toBeUndefined();
  });

  it("refuses an instant without its offset, or one that does not exist, in French", () => {
    expect(() => parseServerArgs(["--data-dir", "/srv/telesec", "--demo", "--now", "2026-12-04T17:50"], {})).toThrow(/--now : un instant ISO 8601 avec son décalage horaire/);
    expect(() => parseServerArgs(["--data-dir", "/srv/telesec", "--demo", "--now", "2026-02-29T10:00:00+01:00"], {})).toThrow(/--now : cet instant n'existe pas/);
  });

  it("is refused on an agency's real data, whose retention purge would run by the shifted clock", () => {
    expect(() => parseServerArgs(["--data-dir", "/srv/telesec", "--now", "2035-01-01T00:00:00+01:00"], {})).toThrow(
      /--now n'est permis qu'avec --demo ou --no-retention : une horloge décalée fausserait la purge des données et le journal d'audit\./,
    );
  });
});
