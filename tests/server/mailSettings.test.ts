import { describe, expect, it } from "vitest";
import { mailSettingsFromEnv } from "../../server/notifications/mailSettings";

/** The SMTP settings come from the environment, checked whole, refused in French. */
const complete = { TELESEC_SMTP_HOST: "smtp.agence.fr", TELESEC_MAIL_FROM: "avis@agence.fr", TELESEC_PORTAL_URL: "https://telesec.agence.fr/portail/" };

describe("the e-mail settings", () => {
  it("are none without a host, and default to port 587 with STARTTLS required", () => {
    expect(mailSettingsFromEnv({})).toBeNull();
    expect(mailSettingsFromEnv(complete)).toEqual({ host: "smtp.agence.fr", port: 587, tls: "starttls", from: "avis@agence.fr", portalUrl: "https://telesec.agence.fr/portail/" });
    expect(mailSettingsFromEnv({ ...complete, TELESEC_SMTP_PORT: "465", TELESEC_SMTP_TLS: "implicite", TELESEC_SMTP_USER: "telesec", TELESEC_SMTP_PASSWORD: "s3cret" })).toMatchObject({
      port: 465,
      tls: "implicite",
      user: "telesec",
      password: "s3cret",
    });
  });

  it("are refused in French when incomplete or wrong", () => {
    expect(() => mailSettingsFromEnv({ TELESEC_SMTP_HOST: "smtp.agence.fr" })).toThrow(/TELESEC_MAIL_FROM.*TELESEC_PORTAL_URL|TELESEC_PORTAL_URL.*TELESEC_MAIL_FROM/);
    expect(() => mailSettingsFromEnv({ ...complete, TELESEC_SMTP_PORT: "70000" })).toThrow(/TELESEC_SMTP_PORT/);
    expect(() => mailSettingsFromEnv({ ...complete, TELESEC_SMTP_TLS: "ssl" })).toThrow(/« starttls » \(par défaut\), « implicite » ou « aucun »/);
    expect(() => mailSettingsFromEnv({ ...complete, TELESEC_SMTP_USER: "telesec" })).toThrow(/vont ensemble/);
    expect(() => mailSettingsFromEnv({ ...complete, TELESEC_PORTAL_URL: "ftp://x" })).toThrow(/TELESEC_PORTAL_URL/);
  });
});
