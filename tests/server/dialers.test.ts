import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { aircallDialer } from "../../server/telephony/dialing/aircallDialer";
import { amiReader, asteriskAmiDialer, type AmiMessage } from "../../server/telephony/dialing/asteriskAmiDialer";
import { dialableNumber, type Dialer } from "../../server/telephony/dialing/dialer";
import { dialerFromEnv } from "../../server/telephony/dialing/dialerSettings";
import { threeCxDialer } from "../../server/telephony/dialing/threeCxDialer";
import { eventually } from "../support/eventually";
import { startFakeAircall, startFakeAmi, startFakeThreeCx } from "../support/fakePbxDialApis";
import { manualClock } from "../support/manualClock";

/**
 * Issue 18: one key dials through the agency's PBX. Each dialer against a local server speaking its PBX's
 * documented requests and answers; every failure is a French sentence, never an exception. Timeouts run on
 * a manual clock, moved once the fake has the request in hand: no sleeping, no wall-clock assertion.
 */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});
const keep = <T extends { close(): Promise<void> }>(thing: T): T => {
  stops.push(() => thing.close());
  return thing;
};

const request = { extension: "201", number: "+33612345678", reference: "5f0c3a7d-42b8-4e9a-9a16-2c3b4d5e6f70" };

/** A port nothing listens on: one a server had a moment ago. */
async function closedPort(): Promise<number> {
  const ami = await startFakeAmi({ username: "x", secret: "x" });
  await ami.close();
  return ami.port;
}

describe("dialableNumber", () => {
  it("gives French numbers in the national form, others after 00, and nothing for what is not E.164", () => {
    expect(dialableNumber("+33612345678")).toBe("0612345678");
    expect(dialableNumber("+33140000000")).toBe("0140000000");
    // Overseas departments share the national plan.
    expect(dialableNumber("+262692123456")).toBe("0692123456");
    expect(dialableNumber("+590590123456")).toBe("0590123456");
    expect(dialableNumber("+32470123456")).toBe("0032470123456");
    expect(dialableNumber("+41446681800")).toBe("0041446681800");
    expect(dialableNumber("0612345678")).toBeNull();
    expect(dialableNumber("+33 6 12 34 56 78")).toBeNull();
    expect(dialableNumber("+33612345678\r\nAction: Logoff")).toBeNull();
    expect(dialableNumber("")).toBeNull();
  });
});

describe("AMI framing", () => {
  const transcript =
    "Asterisk Call Manager/8.0.0\r\nResponse: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n" +
    "event: OriginateResponse\nactionid: o1\nREASON: 4\nReason: 9\nOutput line without colon\n\n";
  const read = (pieces: string[]) => {
    const banners: string[] = [];
    const messages: AmiMessage[] = [];
    const feed = amiReader({ banner: (line) => banners.push(line), message: (message) => messages.push(message) });
    pieces.forEach(feed);
    return { banners, messages: messages.map((message) => Object.fromEntries(message)) };
  };
  const whole = read([transcript]);

  it("reads the banner, then messages ended by a blank line; keys in any case, CRLF or bare LF, the first of a repeated key", () => {
    expect(whole).toEqual({
      banners: ["Asterisk Call Manager/8.0.0"],
      messages: [
        { response: "Success", actionid: "l1", message: "Authentication accepted" },
        { event: "OriginateResponse", actionid: "o1", reason: "4" },
      ],
    });
  });

  it("reads the same whatever the TCP reads: cut at every place, and byte by byte", () => {
    for (let cut = 1; cut < transcript.length; cut++) expect(read([transcript.slice(0, cut), transcript.slice(cut)])).toEqual(whole);
    expect(read([...transcript])).toEqual(whole);
  });
});

describe("the Asterisk AMI dialer", () => {
  const credentials = { username: "clicktocall", secret: "s3cret" };
  const settings = (port: number) => ({ host: "127.0.0.1", port, ...credentials, context: "from-internal", channelTemplate: "PJSIP/{extension}", callerId: '"Telesec" <{extension}>' });

  it("logs in with call events, originates asynchronously from the secretary's phone, and logs off once her phone answered", async () => {
    const ami = keep(await startFakeAmi(credentials));
    const dialer = keep(asteriskAmiDialer(settings(ami.port), manualClock()));
    expect(await dialer.dial(request)).toEqual({ placed: true, detail: "Votre poste 201 a décroché : le standard appelle le patient." });
    await eventually(() => ami.received.length === 3);
    const [login, originate, logoff] = ami.received;
    expect(login).toEqual({ Action: "Login", ActionID: expect.any(String), Username: "clicktocall", Secret: "s3cret", Events: "call" });
    expect(originate).toEqual({
      Action: "Originate",
      ActionID: expect.any(String),
      Channel: "PJSIP/201",
      Context: "from-internal",
      Exten: "0612345678",
      Priority: "1",
      CallerID: '"Telesec" <201>',
      Timeout: "30000",
      Variable: `TELESEC_REFERENCE=${request.reference}`,
      Async: "true",
    });
    expect(logoff).toEqual({ Action: "Logoff" });
    await dialer.dial(request);
    await eventually(() => ami.received.length === 6);
    const ids = ami.received.map((action) => action.ActionID).filter(Boolean);
    expect(new Set(ids).size).toBe(4);
  });

  it("reads Asterisk's answers split across many TCP packets, with bare LF line ends", async () => {
    const ami = keep(await startFakeAmi(credentials, { chunkBytes: 3, lfOnly: true }));
    const dialer = keep(asteriskAmiDialer(settings(ami.port), manualClock()));
    expect(await dialer.dial(request)).toMatchObject({ placed: true });
  });

  it.each([
    [3, "Votre poste 201 n'a pas décroché (30 s) : l'appel est annulé."],
    [5, "Poste 201 occupé : raccrochez puis réessayez."],
    [1, "Votre poste 201 a refusé ou raccroché l'appel."],
    [8, "Standard encombré : réessayez dans un instant."],
    [0, "Poste 201 introuvable ou non enregistré sur le standard (téléphone éteint ou débranché ?)."],
    [2, "Le standard n'a pas pu appeler votre poste 201 (code 2)."],
  ])("says in French why the call did not start (Reason %i)", async (reason, words) => {
    const ami = keep(await startFakeAmi(credentials, { reason }));
    const dialer = keep(asteriskAmiDialer(settings(ami.port), manualClock()));
    expect(await dialer.dial(request)).toEqual({ placed: false, reason: words });
  });

  it("refuses wrong credentials without originating, and a refused Originate", async () => {
    const ami = keep(await startFakeAmi(credentials));
    const lines: string[] = [];
    const wrong = keep(asteriskAmiDialer({ ...settings(ami.port), secret: "faux" }, manualClock(), { log: (line) => lines.push(line) }));
    expect(await wrong.dial(request)).toEqual({ placed: false, reason: "Identifiants du standard refusés : prévenez l'administrateur." });
    expect(ami.received.map((action) => action.Action)).toEqual(["Login"]);
    expect(lines).toEqual(["Composition (Asterisk) : identifiants AMI refusés par 127.0.0.1:" + ami.port + "."]);
    // A channel without technology: Asterisk answers « Invalid channel ».
    const badChannel = keep(asteriskAmiDialer({ ...settings(ami.port), channelTemplate: "{extension}" }, manualClock()));
    expect(await badChannel.dial(request)).toEqual({ placed: false, reason: "Le standard a refusé l'appel : prévenez l'administrateur." });
  });

  it("answers at once when the PBX is unreachable, and after its margin when it says nothing", async () => {
    const lines: string[] = [];
    const down = keep(asteriskAmiDialer(settings(await closedPort()), manualClock(), { log: (line) => lines.push(line) }));
    expect(await down.dial(request)).toEqual({ placed: false, reason: "Le standard ne répond pas : composez le numéro vous-même." });
    expect(lines[0]).toMatch(/^Composition \(Asterisk\) : 127\.0\.0\.1:\d+ injoignable \(ECONNREFUSED\)\.$/);

    const ami = keep(await startFakeAmi(credentials, { mute: true }));
    const clock = manualClock();
    const mute = keep(asteriskAmiDialer({ ...settings(ami.port), marginMs: 2_000 }, clock));
    const outcome = mute.dial(request);
    await eventually(() => ami.connections() === 1);
    clock.advance(2_000);
    expect(await outcome).toEqual({ placed: false, reason: "Le standard ne répond pas : composez le numéro vous-même." });
  });

  it("waits for the ringing time and its margin when Asterisk never says how the call went", async () => {
    const ami = keep(await startFakeAmi(credentials, { silentAfterQueue: true }));
    const clock = manualClock();
    const dialer = keep(asteriskAmiDialer({ ...settings(ami.port), ringTimeoutMs: 20_000, marginMs: 1_000 }, clock));
    const outcome = dialer.dial(request);
    await eventually(() => ami.received.some((action) => action.Action === "Originate"));
    expect(ami.received[1]).toMatchObject({ Timeout: "20000" });
    clock.advance(20_999);
    clock.advance(1);
    expect(await outcome).toEqual({ placed: false, reason: "Le standard n'a pas confirmé l'appel : votre poste 201 sonne peut-être, sinon composez le numéro vous-même." });
  });

  it("has a fake that checks what Asterisk checks: nothing before Login, no OriginateResponse without call events", async () => {
    const ami = keep(await startFakeAmi(credentials));
    const socket = connect({ host: "127.0.0.1", port: ami.port });
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.write("Action: Originate\r\nActionID: early\r\nChannel: PJSIP/201\r\n\r\n");
    socket.write("Action: Login\r\nActionID: l\r\nUsername: clicktocall\r\nSecret: s3cret\r\nEvents: off\r\n\r\n");
    socket.write("Action: Originate\r\nActionID: o\r\nChannel: PJSIP/201\r\nContext: from-internal\r\nExten: 0612345678\r\nPriority: 1\r\nTimeout: 30000\r\nAsync: yes\r\n\r\n");
    socket.write("Action: Logoff\r\nActionID: bye\r\n\r\n");
    await new Promise((resolve) => socket.on("close", resolve));
    expect(text).toContain("ActionID: early\r\nMessage: Permission denied");
    expect(text).toContain("ActionID: o\r\nMessage: Originate successfully queued");
    expect(text).not.toContain("OriginateResponse");
  });

  it("refuses what it cannot send, and ends the dials under way when closed", async () => {
    const ami = keep(await startFakeAmi(credentials, { mute: true }));
    const dialer = asteriskAmiDialer(settings(ami.port), manualClock());
    expect(await dialer.dial({ ...request, number: "0612345678" })).toEqual({ placed: false, reason: "Numéro du patient invalide : il ne peut pas être composé." });
    expect(await dialer.dial({ ...request, extension: "201\r\nAction: Logoff" })).toEqual({ placed: false, reason: "Numéro de poste invalide dans votre profil : prévenez l'administrateur." });
    expect(ami.connections()).toBe(0);
    const outcome = dialer.dial(request);
    await eventually(() => ami.connections() === 1);
    await dialer.close();
    expect(await outcome).toMatchObject({ placed: false });
    expect(await dialer.dial(request)).toEqual({ placed: false, reason: "Composition arrêtée : le serveur s'arrête." });
  });
});

describe("the 3CX dialer", () => {
  const credentials = { clientId: "telesec", clientSecret: "cle-api-3cx" };
  // A device id is a SIP contact: characters a path segment cannot hold as they are.
  const phone = "sip:201@10.0.0.20:5060;rinstance=9f2c/T46U pro";
  const start = (more: Partial<Parameters<typeof startFakeThreeCx>[0]> = {}) => startFakeThreeCx({ ...credentials, devices: { "201": [phone, "sip:201@10.0.0.21"], "202": [] }, ...more });
  const dialerOf = (url: string, clock = manualClock(), more: object = {}) => keep(threeCxDialer({ baseUrl: url, ...credentials, ...more }, clock));

  it("gets a token, picks the extension's first phone, and has it call the patient in the national form", async () => {
    const api = keep(await start());
    const dialer = dialerOf(api.url);
    expect(await dialer.dial(request)).toEqual({ placed: true, detail: "Votre poste 201 sonne : décrochez pour appeler le patient." });
    expect(api.makecalls).toEqual([{ dn: "201", deviceId: phone, destination: "0612345678" }]);
    expect(api.received.map((seen) => `${seen.method} ${seen.path}`)).toEqual([
      "POST /connect/token",
      "GET /callcontrol/201/devices",
      `POST /callcontrol/201/devices/${encodeURIComponent(phone)}/makecall`,
    ]);
    expect(Object.fromEntries(new URLSearchParams(api.received[0]!.body))).toEqual({ client_id: "telesec", client_secret: "cle-api-3cx", grant_type: "client_credentials" });
    expect(api.received[1]!.authorization).toBe("Bearer jeton-1");
    expect(JSON.parse(api.received[2]!.body)).toEqual({ destination: "0612345678" });
  });

  it("keeps its token until a minute before it expires, by the clock it is given", async () => {
    const api = keep(await start({ expiresIn: 600 }));
    const clock = manualClock();
    const dialer = dialerOf(api.url, clock);
    await dialer.dial(request);
    clock.advance(539_000);
    await dialer.dial(request);
    expect(api.issued).toEqual(["jeton-1"]);
    clock.advance(1_000);
    await dialer.dial(request);
    expect(api.issued).toEqual(["jeton-1", "jeton-2"]);
    expect(api.makecalls).toHaveLength(3);
  });

  it("takes a new token once when 3CX no longer knows its own, and tries once more", async () => {
    const api = keep(await start());
    const dialer = dialerOf(api.url);
    await dialer.dial(request);
    api.expireTokens();
    api.received.length = 0;
    expect(await dialer.dial(request)).toMatchObject({ placed: true });
    expect(api.received.map((seen) => `${seen.method} ${seen.path.split("/").slice(0, 4).join("/")} ${seen.authorization ?? ""}`)).toEqual([
      "GET /callcontrol/201/devices Bearer jeton-1",
      "POST /connect/token ",
      "GET /callcontrol/201/devices Bearer jeton-2",
      "POST /callcontrol/201/devices Bearer jeton-2",
    ]);
  });

  it("says in French what 3CX refused: credentials, an extension it may not drive, no phone, its own reason", async () => {
    const api = keep(await start({ monitored: ["201", "202"] }));
    const lines: string[] = [];
    const wrong = keep(threeCxDialer({ baseUrl: api.url, ...credentials, clientSecret: "fausse" }, manualClock(), { log: (line) => lines.push(line) }));
    expect(await wrong.dial(request)).toEqual({ placed: false, reason: "Identifiants du standard refusés : prévenez l'administrateur." });
    expect(api.received.map((seen) => seen.path)).toEqual(["/connect/token"]);
    expect(lines).toEqual(["Composition (3CX) : identifiants d'API refusés (TELESEC_3CX_CLIENT_ID, TELESEC_3CX_CLIENT_SECRET)."]);

    const dialer = dialerOf(api.url);
    expect(await dialer.dial({ ...request, extension: "202" })).toEqual({
      placed: false,
      reason: "Aucun téléphone n'est connecté à votre poste 202 : allumez-le (ou ouvrez l'application 3CX), puis réessayez.",
    });
    expect(await dialer.dial({ ...request, extension: "299" })).toEqual({ placed: false, reason: "Poste 299 inconnu du standard : vérifiez le poste de votre profil." });
    api.script.failNext = { status: 200, reasontext: "Device is busy" };
    expect(await dialer.dial(request)).toEqual({ placed: false, reason: "Le standard a refusé l'appel (« Device is busy »)." });
    api.script.failNext = { status: 400, reasontext: "Destination\r\nnot allowed" };
    expect(await dialer.dial(request)).toEqual({ placed: false, reason: "Le standard a refusé l'appel (« Destination not allowed »)." });
    expect(api.makecalls).toEqual([]);

    const unmonitored = keep(await start({ monitored: [] }));
    expect(await dialerOf(unmonitored.url).dial(request)).toEqual({ placed: false, reason: "Le standard ne laisse pas Télésec piloter le poste 201 : prévenez l'administrateur." });
  });

  it("answers at once when the PBX is unreachable, and after its timeout when it holds a request — the call itself never repeated", async () => {
    expect(await dialerOf(`http://127.0.0.1:${await closedPort()}`).dial(request)).toEqual({ placed: false, reason: "Le standard ne répond pas : composez le numéro vous-même." });

    const api = keep(await start());
    const clock = manualClock();
    const dialer = dialerOf(api.url, clock, { timeoutMs: 3_000 });
    api.script.hold = "token";
    const first = dialer.dial(request);
    await eventually(() => api.received.length === 1);
    clock.advance(3_000);
    expect(await first).toEqual({ placed: false, reason: "Le standard ne répond pas : composez le numéro vous-même." });

    api.script.hold = "makecall";
    const second = dialer.dial(request);
    await eventually(() => api.makecalls.length === 1);
    clock.advance(3_000);
    expect(await second).toEqual({ placed: false, reason: "Le standard n'a pas répondu à temps : votre poste sonne peut-être, sinon composez le numéro vous-même." });
    expect(api.received.filter((seen) => seen.path.endsWith("/makecall"))).toHaveLength(1);
  });
});

describe("the Aircall dialer", () => {
  const credentials = { apiId: "id-essai", apiToken: "jeton-essai" };
  const start = () => startFakeAircall({ ...credentials, users: { "1234": { numberIds: [5678] }, "1235": { numberIds: [5678], available: false } } });
  const dialerOf = (url: string, clock = manualClock(), more: object = {}): Dialer => keep(aircallDialer({ baseUrl: url, ...credentials, numberId: 5678, ...more }, clock));
  const aircallRequest = { ...request, extension: "1234" };

  it("starts the call from the secretary's Aircall with Basic credentials, the number in E.164", async () => {
    const api = keep(await start());
    expect(await dialerOf(api.url).dial(aircallRequest)).toEqual({ placed: true, detail: "Votre application Aircall appelle le patient." });
    expect(api.calls).toEqual([{ userId: "1234", number_id: 5678, to: "+33612345678" }]);
    expect(api.received[0]!.authorization).toBe(`Basic ${Buffer.from("id-essai:jeton-essai").toString("base64")}`);
  });

  it("says in French what Aircall refused, and never tries again", async () => {
    const api = keep(await start());
    const dialer = dialerOf(api.url);
    expect(await dialerOf(api.url, manualClock(), { apiToken: "faux" }).dial(aircallRequest)).toEqual({ placed: false, reason: "Identifiants du standard refusés : prévenez l'administrateur." });
    expect(await dialer.dial({ ...aircallRequest, extension: "1235" })).toEqual({
      placed: false,
      reason: "Aircall vous voit indisponible (hors ligne, déjà en appel, ou application Aircall de bureau fermée) : réessayez une fois disponible.",
    });
    expect(await dialer.dial({ ...aircallRequest, extension: "9999" })).toEqual({
      placed: false,
      reason: "Votre utilisateur Aircall ou la ligne de l'agence est inconnu d'Aircall (« User not found ») : prévenez l'administrateur.",
    });
    expect(await dialerOf(api.url, manualClock(), { numberId: 42 }).dial(aircallRequest)).toEqual({
      placed: false,
      reason: "Aircall a refusé l'appel (« number_id must be a Number the user is assigned to »).",
    });
    api.script.failNext = { status: 429, body: { error: "Too Many Requests", troubleshoot: "Rate limit reached" } };
    expect(await dialer.dial(aircallRequest)).toEqual({ placed: false, reason: "Trop de demandes à Aircall pour l'agence : réessayez dans une minute." });
    api.script.failNext = { status: 503, body: { message: "Service Unavailable" } };
    expect(await dialer.dial(aircallRequest)).toEqual({
      placed: false,
      reason: "Aircall est en difficulté (HTTP 503) : si votre application Aircall n'appelle pas, composez le numéro vous-même.",
    });
    expect(api.received).toHaveLength(6);
    expect(api.calls).toEqual([]);
  });

  it("answers at once when Aircall is unreachable, and after its timeout without a second call when it holds the request", async () => {
    expect(await dialerOf(`http://127.0.0.1:${await closedPort()}`).dial(aircallRequest)).toEqual({ placed: false, reason: "Aircall ne répond pas : composez le numéro vous-même." });
    const api = keep(await start());
    const clock = manualClock();
    const dialer = dialerOf(api.url, clock, { timeoutMs: 4_000 });
    api.script.hold = true;
    const outcome = dialer.dial(aircallRequest);
    await eventually(() => api.calls.length === 1);
    clock.advance(4_000);
    expect(await outcome).toEqual({ placed: false, reason: "Aircall n'a pas répondu à temps : l'appel est peut-être parti, regardez votre application Aircall avant de réessayer." });
    expect(api.received).toHaveLength(1);
  });

  it("ends the request under way when closed, and refuses later dials", async () => {
    const api = keep(await start());
    const dialer = aircallDialer({ baseUrl: api.url, ...credentials, numberId: 5678 }, manualClock());
    api.script.hold = true;
    const outcome = dialer.dial(aircallRequest);
    await eventually(() => api.calls.length === 1);
    await dialer.close();
    expect(await outcome).toMatchObject({ placed: false });
    expect(await dialer.dial(aircallRequest)).toEqual({ placed: false, reason: "Composition arrêtée : le serveur s'arrête." });
    expect(api.received).toHaveLength(1);
  });
});

describe("the dialer's settings", () => {
  const from = (env: Record<string, string>) => dialerFromEnv(env, manualClock());
  const asterisk = { TELESEC_PBX_DIAL: "asterisk", TELESEC_AMI_HOST: "10.0.0.2", TELESEC_AMI_USERNAME: "clicktocall", TELESEC_AMI_SECRET: "s3cret" };
  const threeCx = { TELESEC_PBX_DIAL: "3cx", TELESEC_3CX_URL: "https://agence.3cx.fr", TELESEC_3CX_CLIENT_ID: "telesec", TELESEC_3CX_CLIENT_SECRET: "cle" };
  const aircall = { TELESEC_PBX_DIAL: "aircall", TELESEC_AIRCALL_API_ID: "id", TELESEC_AIRCALL_API_TOKEN: "jeton", TELESEC_AIRCALL_NUMBER_ID: "5678" };

  it("are none without TELESEC_PBX_DIAL, and name the PBX chosen", () => {
    expect(from({})).toBeNull();
    expect(from({ TELESEC_PBX_DIAL: " " })).toBeNull();
    expect(from(asterisk)?.name).toBe("Asterisk");
    expect(from(threeCx)?.name).toBe("3CX");
    expect(from(aircall)?.name).toBe("Aircall");
  });

  it("name in French each variable missing or wrong", () => {
    expect(() => from({ TELESEC_PBX_DIAL: "freepbx" })).toThrow("Réglages du standard : TELESEC_PBX_DIAL vaut « asterisk », « 3cx » ou « aircall ».");
    expect(() => from({ TELESEC_PBX_DIAL: "asterisk" })).toThrow(
      "Réglages du standard incomplets : TELESEC_AMI_HOST : l'adresse du standard Asterisk manque. ; TELESEC_AMI_USERNAME : l'utilisateur AMI (manager.conf) manque. ; TELESEC_AMI_SECRET : le secret de l'utilisateur AMI manque.",
    );
    expect(() => from({ TELESEC_PBX_DIAL: "3cx" })).toThrow(/TELESEC_3CX_URL : l'adresse du standard manque\. ; TELESEC_3CX_CLIENT_ID : .* ; TELESEC_3CX_CLIENT_SECRET : /);
    expect(() => from({ TELESEC_PBX_DIAL: "aircall" })).toThrow(/TELESEC_AIRCALL_API_ID : .* ; TELESEC_AIRCALL_API_TOKEN : .* ; TELESEC_AIRCALL_NUMBER_ID : /);
    expect(() => from({ ...asterisk, TELESEC_AMI_PORT: "70000" })).toThrow(/TELESEC_AMI_PORT : un numéro de port entre 1 et 65535\./);
    expect(() => from({ ...asterisk, TELESEC_AMI_CHANNEL: "PJSIP/201" })).toThrow(/TELESEC_AMI_CHANNEL : le canal du poste, avec « \{extension\} »/);
    expect(() => from({ ...asterisk, TELESEC_AMI_SECRET: "s3cret\r\nAction: Originate" })).toThrow(/TELESEC_AMI_SECRET : une seule ligne/);
    expect(() => from({ ...aircall, TELESEC_AIRCALL_NUMBER_ID: "ligne-1" })).toThrow(/TELESEC_AIRCALL_NUMBER_ID : l'identifiant \(un entier\)/);
  });

  it("refuse plain HTTP except on this machine", () => {
    expect(() => from({ ...threeCx, TELESEC_3CX_URL: "http://agence.3cx.fr" })).toThrow(/TELESEC_3CX_URL : une adresse https\./);
    expect(() => from({ ...threeCx, TELESEC_3CX_URL: "http://127.0.0.1.example.com:5001" })).toThrow(/TELESEC_3CX_URL : une adresse https\./);
    expect(from({ ...threeCx, TELESEC_3CX_URL: "http://127.0.0.1:5001" })?.name).toBe("3CX");
    expect(from({ ...threeCx, TELESEC_3CX_URL: "http://localhost:5001/" })?.name).toBe("3CX");
    expect(() => from({ ...aircall, TELESEC_AIRCALL_URL: "http://api.aircall.io" })).toThrow(/TELESEC_AIRCALL_URL : une adresse https\./);
    expect(from({ ...aircall, TELESEC_AIRCALL_URL: "http://[::1]:8080" })?.name).toBe("Aircall");
  });

  it("dial with their defaults: port, context, channel and caller id", async () => {
    const ami = keep(await startFakeAmi({ username: "clicktocall", secret: "s3cret" }));
    const dialer = keep(dialerFromEnv({ ...asterisk, TELESEC_AMI_HOST: "127.0.0.1", TELESEC_AMI_PORT: String(ami.port) }, manualClock())!);
    expect(await dialer.dial(request)).toMatchObject({ placed: true });
    expect(ami.received[1]).toMatchObject({ Channel: "PJSIP/201", Context: "from-internal", CallerID: '"Telesec" <201>' });
    expect(from({ ...asterisk, TELESEC_AMI_PORT: "" })?.name).toBe("Asterisk");
  });
});
