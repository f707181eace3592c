import { describe, expect, it } from "vitest";
import { smsGatewayFromEnv } from "../../server/sms/smsGatewaySettings";
import { manualClock } from "../support/manualClock";

const from = (env: Record<string, string>) => smsGatewayFromEnv(env, manualClock(), () => undefined);
const ovh = { TELESEC_SMS_GATEWAY: "ovh", TELESEC_OVH_APPLICATION_KEY: "ak", TELESEC_OVH_APPLICATION_SECRET: "as", TELESEC_OVH_CONSUMER_KEY: "ck", TELESEC_OVH_SMS_SERVICE: "sms-ab12345-1" };

describe("the SMS gateway's settings", () => {
  it("are none without TELESEC_SMS_GATEWAY, and name the gateway chosen", () => {
    expect(from({})).toBeNull();
    expect(from({ TELESEC_SMS_GATEWAY: "journal" })?.name).toBe("journal");
    expect(from(ovh)?.name).toBe("OVHcloud");
    expect(from({ TELESEC_SMS_GATEWAY: "brevo", TELESEC_BREVO_API_KEY: "k", TELESEC_SMS_SENDER: "AGENCE" })?.name).toBe("Brevo");
  });

  it("say in French what is missing or wrong, naming the variable", () => {
    expect(() => from({ TELESEC_SMS_GATEWAY: "twilio" })).toThrow("Réglages SMS : TELESEC_SMS_GATEWAY vaut « journal », « ovh » ou « brevo ».");
    expect(() => from({ ...ovh, TELESEC_OVH_CONSUMER_KEY: "" })).toThrow(/TELESEC_OVH_CONSUMER_KEY : la clé de consommateur OVHcloud manque\./);
    expect(() => from({ ...ovh, TELESEC_OVH_ENDPOINT: "http://eu.api.ovh.com/1.0" })).toThrow(/TELESEC_OVH_ENDPOINT : une adresse https\./);
    // In clear only on this machine (a local relay).
    expect(from({ ...ovh, TELESEC_OVH_ENDPOINT: "http://127.0.0.1:8443/1.0" })?.name).toBe("OVHcloud");
    expect(() => from({ ...ovh, TELESEC_OVH_ENDPOINT: "http://127.0.0.1.example.com/1.0" })).toThrow(/TELESEC_OVH_ENDPOINT : une adresse https\./);
    expect(() => from({ TELESEC_SMS_GATEWAY: "brevo", TELESEC_BREVO_API_KEY: "k" })).toThrow(/TELESEC_SMS_SENDER : Brevo demande un expéditeur/);
    expect(() => from({ ...ovh, TELESEC_SMS_SENDER: "Cabinet des Tilleuls" })).toThrow(/TELESEC_SMS_SENDER : Nom d'expéditeur/);
  });
});
