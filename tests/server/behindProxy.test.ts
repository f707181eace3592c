import { describe, expect, it } from "vitest";
import { STRICT_TRANSPORT_SECURITY } from "../../server/http/securityHeaders";
import { parseServerArgs } from "../../server/serverArgs";
import { startServer } from "../../server/startServer";
import { useFreshDatabases } from "../support/postgres";
import { testClock } from "../support/testClock";

/** `--behind-proxy`: from the command line to the running server's trust in the proxy's headers. */
const freshDatabase = useFreshDatabases();

describe("--behind-proxy", () => {
  it("is off unless asked for", () => {
    expect(parseServerArgs(["--data-dir", "/srv/telesec"], {})?.behindProxy).toBe(false);
    expect(parseServerArgs(["--data-dir", "/srv/telesec", "--behind-proxy"], {})?.behindProxy).toBe(true);
    expect(() => parseServerArgs(["--data-dir", "/srv/telesec", "--behind-proxy=oui"], {})).toThrow(/Argument non reconnu/);
  });

  it("makes the started server read the protocol the proxy saw: HSTS for its HTTPS clients only", async () => {
    const database = await freshDatabase();
    const https = { "x-forwarded-proto": "https" };
    for (const behindProxy of [true, false]) {
      const server = await startServer({ port: 0, databaseUrl: database.url, behindProxy, clock: testClock() });
      try {
        const response = await fetch(`${server.url}/health`, { headers: https });
        expect(response.headers.get("strict-transport-security"), `behindProxy: ${behindProxy}`).toBe(behindProxy ? STRICT_TRANSPORT_SECURITY : null);
      } finally {
        await server.close();
      }
    }
  });
});
