import { afterEach, describe, expect, it } from "vitest";
import { brevoGateway } from "../../server/sms/brevoGateway";
import { ovhGateway } from "../../server/sms/ovhGateway";
import { manualClock } from "../support/manualClock";
import { startFakeBrevoApi, startFakeOvhApi } from "../support/fakeSmsApis";

/** Issue 17: the two gateways, each against a local server speaking its documented request and answers. */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const sms = { reference: "5f0c3a7d-42b8-4e9a-9a16-2c3b4d5e6f70", to: "+33612345670", text: "Cabinet des Tilleuls : RDV confirmé le jeudi 10 décembre à 10 h 30.", sender: "Tilleuls" };
const credentials = { applicationKey: "ak-essai", applicationSecret: "as-essai", consumerKey: "ck-essai", serviceName: "sms-ab12345-1" };

describe("the OVHcloud gateway", () => {
  it("sends a signed job, transactional, with the practice's sender and our reference as its tag", async () => {
    const api = await startFakeOvhApi(credentials);
    stops.push(api.close);
    const gateway = ovhGateway({ endpoint: api.endpoint, ...credentials, defaultSender: "AGENCE" }, manualClock());
    expect(await gateway.send(sms)).toEqual({ gatewayRef: "ovh-10001" });
    expect(api.jobs).toEqual([expect.objectContaining({ message: sms.text, receivers: ["+33612345670"], sender: "Tilleuls", noStopClause: true, tag: sms.reference.slice(0, 20) })]);
    await gateway.send({ ...sms, sender: null });
    expect(api.jobs[1]!.sender).toBe("AGENCE");
  });

  it("says in French what OVHcloud refused: a wrong secret, a rate limit, an invalid number", async () => {
    const api = await startFakeOvhApi(credentials);
    stops.push(api.close);
    const wrong = ovhGateway({ endpoint: api.endpoint, ...credentials, applicationSecret: "faux", defaultSender: null }, manualClock());
    await expect(wrong.send(sms)).rejects.toThrow("OVHcloud a refusé le SMS (403 : Invalid signature).");
    const gateway = ovhGateway({ endpoint: api.endpoint, ...credentials, defaultSender: null }, manualClock());
    api.rateLimitNext(1);
    await expect(gateway.send(sms)).rejects.toThrow("OVHcloud a refusé le SMS (429 : Too many requests).");
    await expect(gateway.send({ ...sms, to: "0612" })).rejects.toThrow("OVHcloud a refusé le numéro du patient (destinataire invalide).");
    expect(api.jobs).toEqual([]);
    await api.close();
    stops.length = 0;
    await expect(gateway.send(sms)).rejects.toThrow("OVHcloud injoignable : nouvel essai plus tard.");
  });
});

describe("the Brevo gateway", () => {
  it("sends a transactional SMS with the account's key, the number in international digits, our reference as its tag", async () => {
    const api = await startFakeBrevoApi("cle-essai");
    stops.push(api.close);
    const gateway = brevoGateway({ endpoint: api.endpoint, apiKey: "cle-essai", defaultSender: "AGENCE" });
    expect(await gateway.send(sms)).toEqual({ gatewayRef: "brevo-1000001" });
    expect(api.sent).toEqual([{ type: "transactional", sender: "Tilleuls", recipient: "33612345670", content: sms.text, tag: sms.reference, unicodeEnabled: true }]);
  });

  it("says in French what Brevo refused: a wrong key, a rate limit", async () => {
    const api = await startFakeBrevoApi("cle-essai");
    stops.push(api.close);
    await expect(brevoGateway({ endpoint: api.endpoint, apiKey: "fausse", defaultSender: "AGENCE" }).send(sms)).rejects.toThrow("Brevo a refusé le SMS (401 : Key not found).");
    api.rateLimitNext(1);
    await expect(brevoGateway({ endpoint: api.endpoint, apiKey: "cle-essai", defaultSender: "AGENCE" }).send(sms)).rejects.toThrow("Brevo a refusé le SMS (429 : Too many requests).");
    expect(api.sent).toEqual([]);
  });
});
