import fc from "fast-check";
import { DEFAULT_SMS_SETTINGS } from "../../shared/domain/smsSettings";
import { BOOKING_RULE_CODES, type BookingRuleCode } from "../../shared/domain/bookingRules";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routesOf, type CataloguedRoute } from "../../server/security/routeCatalogue";
import { pushResponse, SYNCED_TABLES } from "../../shared/api/wire";
import { CALL_OUTCOMES, MESSAGE_CATEGORIES, MESSAGE_STATUSES, MESSAGE_URGENCIES } from "../../shared/domain/enums";
import { MUTATION_NAMES, type MutationName } from "../../shared/sync/mutations";
import { changedTables, errorShapeProblem, looksFrench, prototypeSnapshot } from "../support/fuzzChecks";
import {
  authorizationOf,
  base64urlJson,
  bodyOf,
  brokenObject,
  hugeString,
  nastyNumber,
  nastyString,
  nastyValue,
  percentEncode,
  queryOf,
  type Body,
} from "../support/fuzzPayloads";
import { FUZZ_MESSAGE_ID, FUZZ_PBX_SECRET, FUZZ_SMS_SECRET, openFuzzWorld, type FuzzWorld } from "../support/fuzzWorld";
import { PASSWORD } from "../support/syncWorld";
import { telephonyFixture } from "./fixtures/telephony/telephonyFixture";

/**
 * Every HTTP route, read from the server itself, gets at least RUNS malformed requests through
 * `app.inject`, from fast-check with a fixed seed (a failure names its seed and path: rerun with
 * them to reproduce). Each answer must be below 500, every 4xx in the `{error:{code, message}}`
 * shape with a French message, and no table may gain or lose a row unless the answer says a write
 * was accepted (see `allowedChanges`). The WebSocket upgrade and frames: fuzzWebSocket.test.ts.
 */
const RUNS = 1_000;
const SEED = 20_250_114;

let world: FuzzWorld;
let counts: Record<string, number>;
let prototypes: string;

beforeAll(async () => {
  world = await openFuzzWorld();
  counts = await world.counts();
  prototypes = prototypeSnapshot();
});

afterAll(async () => {
  await world?.close();
});

interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Body;
  remoteAddress?: string;
}

type RequestArbitrary = (world: FuzzWorld) => fc.Arbitrary<Request>;

const uuid = fc.uuid({ version: 4 });
const addresses = fc.constantFrom("192.0.2.1", "192.0.2.2", "198.51.100.7", "2001:db8::1", "2001:db8::2", "2001:db8:1::1", "::ffff:192.0.2.1", "127.0.0.1");

const jsonHeaders = (body: Body | undefined, extra: Record<string, string | undefined> = {}) => {
  const headers: Record<string, string> = {};
  if (body?.contentType !== undefined) headers["content-type"] = body.contentType;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) headers[key] = value;
  return headers;
};

// ---- POST /api/v1/auth/login -------------------------------------------------------------------

const login: RequestArbitrary = () => {
  const valid = fc.constantFrom(
    { login: "secretaire", password: PASSWORD, deviceName: "Poste 3" },
    { login: "secretaire", password: "pas le bon", deviceName: "Poste 3" },
    { login: "inconnue", password: "quelconque", deviceName: "Poste 3" },
  );
  const broken = valid.chain((body) => brokenObject(body, { login: hugeString(400), password: hugeString(400), deviceName: hugeString(400) }));
  return fc.record({ body: bodyOf(broken, { sizes: [8 * 1024] }), remoteAddress: addresses }).map(({ body, remoteAddress }) => ({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: jsonHeaders(body),
    body,
    remoteAddress,
  }));
};

// ---- POST /api/v1/auth/confirm-password and /logout: each request on a session of its own --------

/** Stands for a session opened just before the request (see check): a logout must not end the next request's. */
const OWN_SESSION = "session-ouverte-pour-cette-requete";

const onOwnSession =
  (url: string, example: Record<string, unknown>, huge: Record<string, fc.Arbitrary<unknown>>): RequestArbitrary =>
  () =>
    fc
      .record({ authorization: authorizationOf(OWN_SESSION), body: bodyOf(brokenObject(example, huge), { sizes: [8 * 1024] }), remoteAddress: addresses })
      .map(({ authorization, body, remoteAddress }) => ({ method: "POST", url, headers: jsonHeaders(body, { authorization }), body, remoteAddress }));

const confirmPassword: RequestArbitrary = (world) =>
  fc.oneof(
    onOwnSession("/api/v1/auth/confirm-password", { password: PASSWORD }, { password: hugeString(400) })(world),
    onOwnSession("/api/v1/auth/confirm-password", { password: "pas le bon" }, { password: hugeString(400) })(world),
  );

const logout = onOwnSession("/api/v1/auth/logout", { reason: "fin de service" }, { reason: hugeString(400) });

// ---- The practitioners' portal: sign-in, then a cookie session whose writes carry a CSRF token ----

const portalLogin: RequestArbitrary = () => {
  const valid = fc.constantFrom(
    { login: "praticien", password: PASSWORD },
    { login: "praticien", password: "pas le bon" },
    { login: "secretaire", password: PASSWORD },
    { login: "inconnue", password: "quelconque" },
  );
  const broken = valid.chain((body) => brokenObject(body, { login: hugeString(400), password: hugeString(400) }));
  return fc.record({ body: bodyOf(broken, { sizes: [8 * 1024] }), remoteAddress: addresses }).map(({ body, remoteAddress }) => ({
    method: "POST",
    url: "/portail/api/login",
    headers: jsonHeaders(body),
    body,
    remoteAddress,
  }));
};

/** Stand for a portal session opened just before the request (see check), awaiting its code or open, and its CSRF token. */
const OWN_PENDING = "portail-en-attente-pour-cette-requete";
const OWN_PORTAL = "portail-ouvert-pour-cette-requete";
const OWN_CSRF = "jeton-csrf-de-cette-session";

const cookieOf = (placeholder: string) => fc.oneof({ weight: 8, arbitrary: fc.constant(`telesec_portail=${placeholder}`) }, { weight: 1, arbitrary: nastyString.map((text) => `telesec_portail=${percentEncode(text)}`) });

const secondFactor: RequestArbitrary = () => {
  const valid = fc.constantFrom({ code: "123456" }, { code: "123 456" }, { code: "0123-4567-89ab-cdef" }, { code: "abc" });
  const broken = valid.chain((body) => brokenObject(body, { code: hugeString(400) }));
  return fc.record({ cookie: cookieOf(OWN_PENDING), body: bodyOf(broken, { sizes: [8 * 1024] }), remoteAddress: addresses }).map(({ cookie, body, remoteAddress }) => ({
    method: "POST",
    url: "/portail/api/second-factor",
    headers: jsonHeaders(body, { cookie }),
    body,
    remoteAddress,
  }));
};

const onPortal =
  (method: string, url: string): RequestArbitrary =>
  () =>
    fc
      .record({
        cookie: cookieOf(OWN_PORTAL),
        csrf: fc.oneof({ weight: 4, arbitrary: fc.constant(OWN_CSRF) }, { weight: 1, arbitrary: nastyString.map(percentEncode) }, { weight: 1, arbitrary: fc.constant(undefined) }),
        query: queryOf({}),
        body: bodyOf(brokenObject({ raison: "fin de garde" }, { raison: hugeString(400) }), { sizes: [8 * 1024] }),
      })
      .map(({ cookie, csrf, query, body }) => ({
        method,
        url: `${url}?${query}`,
        headers: jsonHeaders(method === "GET" || method === "HEAD" ? undefined : body, { cookie, "x-csrf-token": csrf }),
        ...(method === "GET" || method === "HEAD" ? {} : { body }),
      }));

/** A message route of the portal: the doctor's message, another id, or a nasty one; a reply broken in every way. */
const onPortalMessage =
  (suffix: "read" | "treat"): RequestArbitrary =>
  () =>
    fc
      .record({
        cookie: cookieOf(OWN_PORTAL),
        csrf: fc.oneof({ weight: 4, arbitrary: fc.constant(OWN_CSRF) }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
        id: fc.oneof({ weight: 3, arbitrary: fc.constant(FUZZ_MESSAGE_ID) }, { weight: 1, arbitrary: uuid }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
        body: bodyOf(brokenObject({ reply: "Ordonnance faite." }, { reply: hugeString(2_000) })),
      })
      .map(({ cookie, csrf, id, body }) => ({
        method: "POST",
        url: `/portail/api/messages/${id}/${suffix}`,
        headers: jsonHeaders(body, { cookie, "x-csrf-token": csrf }),
        body,
      }));

/** A portal write on a path with an id (the doctor's practitioner or consigne, another, a nasty one), its body broken in every way. */
const onPortalRecord =
  (method: string, path: string, knownId: () => string, example: () => Record<string, unknown>, huge: Record<string, fc.Arbitrary<unknown>>): RequestArbitrary =>
  () =>
    fc
      .record({
        cookie: cookieOf(OWN_PORTAL),
        csrf: fc.oneof({ weight: 4, arbitrary: fc.constant(OWN_CSRF) }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
        id: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: uuid }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
        body: bodyOf(brokenObject(example(), huge)),
      })
      .map(({ cookie, csrf, id, body }) => ({
        method,
        url: path.replace(":id", id ?? knownId()),
        headers: jsonHeaders(body, { cookie, "x-csrf-token": csrf }),
        body,
      }));

const CONSIGNE_EXAMPLE = { category: "general", title: "Consigne du médecin", text: "Pas de rendez-vous le matin.", priority: 1, validFrom: null, validTo: null, flags: {} };
const ABSENCE_EXAMPLE = { from: "2031-02-10T08:00:00+01:00", to: "2031-02-14T19:00:00+01:00", reason: "conges" };

// ---- POST /api/v1/sync/push --------------------------------------------------------------------

/** A valid-looking argument object per mutation, around fresh ids and the fixture's rows. */
function mutationArgs(world: FuzzWorld, name: MutationName, fresh: string): Record<string, unknown> {
  const { practiceId, practitionerId, motifId, patientIds } = world.fixture.tilleuls;
  const slot = { startAt: "2031-01-14T09:00:00+01:00", endAt: "2031-01-14T09:20:00+01:00" };
  switch (name) {
    case "patient.create":
      return { id: fresh, practiceId, birthName: "Durand", usedName: null, firstName: "Léa", birthDate: "1990-05-04", phones: ["+33612345678"], email: null, notes: null };
    case "patient.update":
      return { id: patientIds[0], notes: "Allergie" };
    case "appointment.book":
      return { id: fresh, practitionerId, patientId: patientIds[0], appointmentTypeId: motifId, ...slot };
    case "appointment.move":
      return { id: fresh, ...slot };
    case "appointment.cancel":
      return { id: fresh, reason: "Empêchement" };
    case "appointment.setStatus":
      return { id: fresh, status: "fulfilled" };
    case "message.create":
      return { id: fresh, practiceId, practitionerId: null, patientId: null, callId: null, callerName: "M. Dupont", callbackNumber: "+33612345678", category: MESSAGE_CATEGORIES[0], urgency: MESSAGE_URGENCIES[0], text: "Rappeler" };
    case "message.setStatus":
      return { id: fresh, status: MESSAGE_STATUSES[1] };
    case "message.answer":
      return { id: fresh, agreed: true, note: "D'accord pour lundi" };
    case "call.open":
      return { id: fresh, practiceId, externalCallId: null, dialledNumber: "+33144556677", callerNumber: null, patientId: null, startedAt: "2025-01-14T08:30:00Z" };
    case "call.close":
      return { id: fresh, endedAt: "2025-01-14T08:35:00Z", outcome: CALL_OUTCOMES[0], notes: null, links: { appointmentIds: [], messageIds: [] } };
    case "waitlist.add":
      return { id: fresh, practiceId, patientId: patientIds[0], appointmentTypeId: motifId, practitionerIds: [practitionerId], preferredWindows: [], notes: null };
    case "waitlist.remove":
    case "waitlist.decline":
    case "callback.take":
    case "callback.release":
      return { id: fresh };
    case "callback.create":
      return { id: fresh, practiceId, patientId: patientIds[0], callerName: "M. Dupont", number: "+33612345678", reason: "Résultats à donner" };
    case "callback.attempt":
      return { id: fresh, result: "pas_de_reponse", note: null };
    case "callback.close":
      return { id: fresh, status: "abandonne", note: "Plus utile" };
  }
}

const datetimes = fc.constantFrom("2025-02-30T10:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "+275760-09-13T00:00:00.000Z", "2025-01-14", "2025-01-14T08:30:00", "1e12");

const push: RequestArbitrary = (world) => {
  const mutation = (seq: number) =>
    fc.tuple(fc.constantFrom(...MUTATION_NAMES), uuid, uuid).chain(([name, id, fresh]) => {
      const envelope = { seq, id, name, args: mutationArgs(world, name, fresh) };
      // Mostly well-formed envelopes with broken arguments: those reach each mutation's own checks.
      return fc.oneof(
        { weight: 8, arbitrary: brokenObject(envelope.args, { startAt: datetimes, endAt: datetimes, id: nastyString, practiceId: uuid, notes: hugeString(6_000) }).map((args) => ({ ...envelope, args })) },
        { weight: 1, arbitrary: brokenObject(envelope, { seq: nastyNumber, name: nastyString }) },
        { weight: 1, arbitrary: fc.constant(envelope) },
      );
    });
  const mutations = fc.integer({ min: 1, max: 3 }).chain((length) => fc.tuple(...Array.from({ length }, (_, index) => mutation(index + 1))));
  const request = fc.tuple(uuid, mutations).chain(([clientId, list]) =>
    fc.oneof({ weight: 8, arbitrary: fc.constant({ clientId, mutations: list }) }, { weight: 1, arbitrary: brokenObject({ clientId, mutations: list }) }),
  );
  return fc.record({ body: bodyOf(request, { sizes: [16 * 1024 * 1024], jsonWeight: 30 }), authorization: authorizationOf(world.token), revoked: fc.boolean() }).map(({ body, authorization, revoked }) => ({
    method: "POST",
    url: "/api/v1/sync/push",
    headers: jsonHeaders(body, { authorization: revoked && authorization === undefined ? `Bearer ${world.revokedToken}` : authorization }),
    body,
  }));
};

// ---- POST /api/v1/sync/reads (the audit of reads) --------------------------------------------------

const reads: RequestArbitrary = (world) => {
  const read = fc.tuple(uuid, fc.array(uuid, { minLength: 1, maxLength: 3 })).chain(([id, patientIds]) => {
    const valid = { id, at: "2025-01-14T08:30:00Z", userId: null, practiceId: world.fixture.tilleuls.practiceId, action: "patient.search", patientIds };
    return fc.oneof(
      { weight: 6, arbitrary: brokenObject(valid, { at: datetimes, practiceId: uuid, action: nastyString, patientIds: fc.array(nastyString, { maxLength: 200 }) }) },
      { weight: 1, arbitrary: fc.constant(valid) },
    );
  });
  const request = fc.array(read, { minLength: 0, maxLength: 4 }).chain((list) =>
    fc.oneof({ weight: 8, arbitrary: fc.constant({ reads: list }) }, { weight: 1, arbitrary: brokenObject({ reads: list }) }),
  );
  return fc.record({ body: bodyOf(request, { sizes: [4 * 1024 * 1024], jsonWeight: 30 }), authorization: authorizationOf(world.token) }).map(({ body, authorization }) => ({
    method: "POST",
    url: "/api/v1/sync/reads",
    headers: jsonHeaders(body, { authorization }),
    body,
  }));
};

// ---- GET /api/v1/sync/pull (and its HEAD) ---------------------------------------------------------

const cursorPosition = fc.tuple(fc.oneof(fc.nat(), nastyNumber), fc.oneof(uuid, fc.constant(""), nastyString));
const cursors = fc.oneof(
  fc.constant(""),
  nastyString,
  nastyValue.map(base64urlJson),
  fc.dictionary(fc.constantFrom(...SYNCED_TABLES, "__proto__", "audit_event", "client_mutation"), cursorPosition, { maxKeys: 4 }).map(base64urlJson),
);

const pull =
  (method: string): RequestArbitrary =>
  (world) =>
    fc
      .record({
        query: queryOf({ cursor: cursors, limit: fc.oneof(fc.integer({ min: -5, max: 30_000 }).map(String), fc.constantFrom("1.5", "1e3", "0x10", " 7", "")), clientId: uuid }),
        authorization: authorizationOf(world.token),
      })
      .map(({ query, authorization }) => ({ method, url: `/api/v1/sync/pull?${query}`, headers: jsonHeaders(undefined, { authorization }) }));

/** An appointment's SMS: a known appointment id, another, a nasty one; the secretary's token or a broken one. */
const appointmentSms: RequestArbitrary = (world) =>
  fc
    .record({
      id: fc.oneof({ weight: 2, arbitrary: fc.constant(SOME_ID) }, { weight: 1, arbitrary: uuid }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
      authorization: authorizationOf(world.token),
    })
    .map(({ id, authorization }) => ({ method: "GET", url: `/api/v1/appointments/${id}/sms`, headers: jsonHeaders(undefined, { authorization }) }));

const callbackDial: RequestArbitrary = (world) =>
  fc
    .record({
      id: fc.oneof({ weight: 2, arbitrary: fc.constant(SOME_ID) }, { weight: 1, arbitrary: uuid }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
      authorization: authorizationOf(world.token),
      body: fc.option(bodyOf(fc.constant({}), { sizes: [8 * 1024] }), { nil: undefined }),
    })
    .map(({ id, authorization, body }) => ({ method: "POST", url: `/api/v1/callbacks/${id}/dial`, headers: jsonHeaders(body, { authorization }), ...(body ? { body } : {}) }));

// ---- Telephony ---------------------------------------------------------------------------------

const pbxSecrets = fc.oneof(
  { weight: 6, arbitrary: fc.constant(FUZZ_PBX_SECRET) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", `${FUZZ_PBX_SECRET}x`, "x".repeat(600)), fc.string({ unit: "grapheme-ascii", maxLength: 40 })) },
);

function telephonyRequest(path: string, broken: fc.Arbitrary<unknown>): fc.Arbitrary<Request> {
  return fc.record({ body: bodyOf(broken, { sizes: [16 * 1024] }), secret: pbxSecrets }).map(({ body, secret }) => ({
    method: "POST",
    url: `/api/v1/telephony/events${path}`,
    headers: jsonHeaders(body, { "x-telesec-pbx-secret": secret }),
    body,
  }));
}

const numbers = fc.constantFrom("12", "01 44 55 66 77", "+33144556677", "0033144556677", "abc", "+999999999999999999", "3949", "201", "anonymous", "masqué");

const telephonyEvents: RequestArbitrary = () =>
  telephonyRequest(
    "",
    fc
      .tuple(fc.constantFrom("ringing", "answered", "ended"), fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), uuid))
      .chain(([event, callId]) =>
        brokenObject(
          { event, callId, calledNumber: "01 44 55 66 77", callerNumber: "06 12 34 56 78", agent: "secretaire", at: "2025-01-14T09:30:00+01:00" },
          { calledNumber: numbers, callerNumber: numbers, at: datetimes, callId: fc.oneof(nastyNumber, hugeString(400)), agent: fc.constantFrom("201", "secretaire2", "", null) },
        ),
      ),
  );

const ADAPTER_FIXTURES = {
  asterisk: ["dialbegin", "hangup-phone", "hangup-trunk", "newchannel-phone-down", "newchannel-phone-outbound", "newchannel-trunk-ring", "newchannel-trunk-withheld", "newstate-phone-ringing", "newstate-phone-up", "newstate-trunk-up"],
  "3cx": ["incoming-ended", "incoming-recording", "legacy-incomingcall-started", "legacy-ringing-capitalised", "outgoing", "pickupincoming", "ringing-extension", "ringing-ivr", "ringing-withheld"],
  aircall: ["call.answered", "call.created-anonymous", "call.created-outbound", "call.created", "call.ended", "call.hungup", "call.ringing_on_agent", "call.tagged"],
} as const;

const adapter =
  (format: keyof typeof ADAPTER_FIXTURES): RequestArbitrary =>
  () => {
    const samples = ADAPTER_FIXTURES[format].map((name) => telephonyFixture(`${format}/${name}.json`) as Record<string, unknown>);
    const broken = fc.constantFrom(...samples).chain((sample) => {
      const data = sample.data as Record<string, unknown> | undefined;
      const whole = brokenObject(sample, { Linkedid: nastyString, Uniqueid: nastyString, Timestamp: nastyString, chid: nastyString, timestamp: nastyNumber });
      if (!data) return whole;
      // Aircall's call sits in `data`: break it there too.
      return fc.oneof(whole, brokenObject(data, { id: fc.oneof(nastyNumber, nastyString), raw_digits: numbers }).map((broke) => ({ ...sample, data: broke })));
    });
    return telephonyRequest(`/${format}`, broken);
  };

// ---- The SMS gateways' webhooks ------------------------------------------------------------------

const smsSecrets = fc.oneof(
  { weight: 6, arbitrary: fc.constant(FUZZ_SMS_SECRET) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", `${FUZZ_SMS_SECRET}x`, "x".repeat(600)), nastyString) },
);

/** OVHcloud's receipts: the DLR state's parameters with nasty values, the secret in the path right or wrong. */
const ovhReceipts: RequestArbitrary = () =>
  fc
    .record({
      secret: smsSecrets,
      query: queryOf({ id: fc.constantFrom("10001", "0", "99999999999999999999999", "-1", "1e3"), description: fc.constantFrom("1", "2", "16", "4", "x"), dlr: fc.constantFrom("1", "2"), ptt: fc.constantFrom("4", "24", "-3") }),
    })
    .map(({ secret, query }) => ({ method: "GET", url: `/api/v1/sms/ovh/receipts/${percentEncode(secret)}?${query}`, headers: {} }));

/** OVHcloud's replies: forms mostly, broken, and JSON or anything else besides. */
const ovhReplies: RequestArbitrary = () =>
  fc
    .record({
      secret: smsSecrets,
      form: fc.oneof(
        queryOf({ senderid: fc.constantFrom("0033612345670", "+33612345670", "06", ""), message: fc.constantFrom("STOP", "stop", "Merci", ""), keyword: fc.constantFrom("STOP") }).map((payload) => ({ payload, contentType: "application/x-www-form-urlencoded" }) as Body),
        bodyOf(brokenObject({ senderid: "0033612345670", message: "STOP" }), { sizes: [8 * 1024] }),
      ),
    })
    .map(({ secret, form }) => ({ method: "POST", url: `/api/v1/sms/ovh/replies/${percentEncode(secret)}`, headers: jsonHeaders(form), body: form }));

/** Brevo's events: its JSON broken in every way, the bearer token right or wrong. */
const brevoEvents: RequestArbitrary = () =>
  fc
    .record({
      secret: fc.option(smsSecrets, { nil: undefined }),
      body: bodyOf(
        brokenObject(
          { msg_status: "delivered", messageId: 1000001, to: "33612345670", ts_event: 1795424431, reply: "STOP" },
          { msg_status: fc.constantFrom("hard_bounce", "unsubscribe", "reply", "constructor", "__proto__"), ts_event: nastyNumber, messageId: fc.oneof(nastyNumber, nastyString) },
        ),
        { sizes: [8 * 1024] },
      ),
    })
    .map(({ secret, body }) => ({ method: "POST", url: "/api/v1/sms/brevo/events", headers: jsonHeaders(body, { authorization: secret === undefined ? undefined : `Bearer ${secret}` }), body }));

// ---- GET /health, GET /api/v1/ws without upgrade, and any route without a generator of its own ---

/** Requests on a route the fuzzer has no knowledge of: every kind of credential, any query, any body. */
const generic =
  (method: string, url: string): RequestArbitrary =>
  (world) =>
    fc
      .record({
        path: fc.constant(url).chain((template) =>
          template.includes(":") || template.includes("*")
            ? fc.array(nastyString, { minLength: 4, maxLength: 4 }).map((values) => {
                let index = 0;
                return template.replace(/:[^/]+|\*/g, () => percentEncode(values[index++ % values.length]!));
              })
            : fc.constant(template),
        ),
        query: queryOf({}),
        authorization: authorizationOf(world.token),
        secret: pbxSecrets,
        body: fc.option(bodyOf(brokenObject({ a: 1, id: "5e1f0c3a-7d42-4b8e-9a16-2c3b4d5e6f70" })), { nil: undefined }),
      })
      .map(({ path, query, authorization, secret, body }) => ({
        method,
        url: `${path}?${query}`,
        headers: jsonHeaders(body, { authorization, "x-telesec-pbx-secret": secret }),
        ...(body && method !== "GET" && method !== "HEAD" ? { body } : {}),
      }));

// ---- GET /ics/<token>.ics: a calendar feed's secret address -----------------------------------------

/** Well-shaped addresses nobody was given, and nasty names, with any credentials (the feed needs none). */
const calendarFeed =
  (method: string): RequestArbitrary =>
  (world) =>
    fc
      .record({
        file: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}\.ics$/), nastyString.map(percentEncode)),
        query: queryOf({}),
        authorization: authorizationOf(world.token),
      })
      .map(({ file, query, authorization }) => ({ method, url: `/ics/${file}?${query}`, headers: jsonHeaders(undefined, { authorization }) }));

// ---- The administration API, as an administrator: past the role check, into validation ---------

const SOME_ID = "5e1f0c3a-7d42-4b8e-9a16-2c3b4d5e6f70";

/** Requests an administrator could send: a well-formed `example` broken in every way, nasty ids and queries. */
const asAdmin =
  (method: string, url: string, example: Record<string, unknown> = {}, query: Record<string, string> = {}): RequestArbitrary =>
  (world) =>
    fc
      .record({
        id: fc.oneof({ weight: 2, arbitrary: fc.constant(SOME_ID) }, { weight: 1, arbitrary: nastyString.map(percentEncode) }),
        query: queryOf(Object.fromEntries(Object.entries(query).map(([key, value]) => [key, fc.constant(value)]))),
        authorization: authorizationOf(world.adminToken),
        body: bodyOf(brokenObject({ ...example, id: SOME_ID })),
      })
      .map(({ id, query: search, authorization, body }) => ({
        method,
        url: `${url.replace(":id", id)}?${search}`,
        headers: jsonHeaders(method === "GET" ? undefined : body, { authorization }),
        ...(method !== "GET" ? { body } : {}),
      }));

const FUZZ_PRACTITIONER = () => world.fixture.tilleuls.practitionerId;

const DIRECTIVE_EXAMPLE = { practiceId: SOME_ID, practitionerId: null, category: "general", title: "Consigne", text: "Texte", priority: 1, validFrom: null, validTo: null, flags: {} };

/** The routes this file knows how to fuzz in depth; any other registered route gets `generic`. */
const GENERATORS: Record<string, RequestArbitrary> = {
  "GET /health": generic("GET", "/health"),
  "HEAD /health": generic("HEAD", "/health"),
  "POST /api/v1/auth/login": login,
  "POST /api/v1/auth/confirm-password": confirmPassword,
  "POST /api/v1/auth/logout": logout,
  "POST /api/v1/sync/push": push,
  "POST /api/v1/sync/reads": reads,
  "GET /api/v1/sync/pull": pull("GET"),
  "GET /api/v1/appointments/:id/sms": appointmentSms,
  "POST /api/v1/callbacks/:id/dial": callbackDial,
  "HEAD /api/v1/sync/pull": pull("HEAD"),
  "GET /api/v1/ws": generic("GET", "/api/v1/ws"),
  "POST /portail/api/login": portalLogin,
  "POST /portail/api/second-factor": secondFactor,
  "GET /portail/api/session": onPortal("GET", "/portail/api/session"),
  "HEAD /portail/api/session": onPortal("HEAD", "/portail/api/session"),
  "POST /portail/api/logout": onPortal("POST", "/portail/api/logout"),
  "GET /portail/api/messages": onPortal("GET", "/portail/api/messages"),
  "HEAD /portail/api/messages": onPortal("HEAD", "/portail/api/messages"),
  "POST /portail/api/messages/:id/read": onPortalMessage("read"),
  "POST /portail/api/messages/:id/treat": onPortalMessage("treat"),
  "GET /portail/api/consignes": onPortal("GET", "/portail/api/consignes"),
  "HEAD /portail/api/consignes": onPortal("HEAD", "/portail/api/consignes"),
  "GET /portail/api/absences": onPortal("GET", "/portail/api/absences"),
  "GET /portail/api/agenda": onPortal("GET", "/portail/api/agenda"),
  "GET /portail/api/journee": onPortal("GET", "/portail/api/journee"),
  "GET /portail/api/activite": onPortal("GET", "/portail/api/activite?month=2026-11"),
  "GET /portail/api/notices": onPortal("GET", "/portail/api/notices"),
  "HEAD /portail/api/notices": onPortal("HEAD", "/portail/api/notices"),
  "PATCH /portail/api/notices": onPortalRecord("PATCH", "/portail/api/notices", () => "", () => ({ digestHours: [12, 18] }), { digestHours: fc.array(fc.integer(), { maxLength: 2_000 }) }),
  "GET /portail/api/calendar-feeds": onPortal("GET", "/portail/api/calendar-feeds"),
  "HEAD /portail/api/calendar-feeds": onPortal("HEAD", "/portail/api/calendar-feeds"),
  "POST /portail/api/practitioners/:id/calendar-feeds": onPortalRecord("POST", "/portail/api/practitioners/:id/calendar-feeds", FUZZ_PRACTITIONER, () => ({ nom: "Agenda" }), { nom: hugeString(400) }),
  "POST /portail/api/calendar-feeds/:id/revoke": onPortalRecord("POST", "/portail/api/calendar-feeds/:id/revoke", () => "00000000-0000-4000-8000-000000000000", () => ({ raison: "perdu" }), { raison: hugeString(400) }),
  "HEAD /portail/api/journee": onPortal("HEAD", "/portail/api/journee"),
  "HEAD /portail/api/agenda": onPortal("HEAD", "/portail/api/agenda"),
  "HEAD /portail/api/absences": onPortal("HEAD", "/portail/api/absences"),
  "POST /portail/api/consignes": onPortalRecord("POST", "/portail/api/consignes", () => "", () => ({ ...CONSIGNE_EXAMPLE, practitionerId: FUZZ_PRACTITIONER() }), { title: hugeString(400), text: hugeString(6_000) }),
  "PATCH /portail/api/consignes/:id": onPortalRecord("PATCH", "/portail/api/consignes/:id", () => world.fuzzDirectiveId, () => ({ title: "Autre titre", validTo: "2031-01-01T00:00:00Z" }), { title: hugeString(400) }),
  "POST /portail/api/consignes/:id/end": onPortalRecord("POST", "/portail/api/consignes/:id/end", () => world.fuzzDirectiveId, () => ({ raison: "fin" }), { raison: hugeString(400) }),
  "POST /portail/api/practitioners/:id/absences": onPortalRecord("POST", "/portail/api/practitioners/:id/absences", FUZZ_PRACTITIONER, () => ABSENCE_EXAMPLE, { label: hugeString(400) }),
  "POST /portail/api/practitioners/:id/absences/remove": onPortalRecord("POST", "/portail/api/practitioners/:id/absences/remove", FUZZ_PRACTITIONER, () => ({ from: ABSENCE_EXAMPLE.from, to: ABSENCE_EXAMPLE.to }), {}),
  "GET /ics/:file": calendarFeed("GET"),
  "HEAD /ics/:file": calendarFeed("HEAD"),
  "HEAD /api/v1/ws": generic("HEAD", "/api/v1/ws"),
  "POST /api/v1/telephony/events": telephonyEvents,
  "POST /api/v1/telephony/events/asterisk": adapter("asterisk"),
  "POST /api/v1/telephony/events/3cx": adapter("3cx"),
  "POST /api/v1/telephony/events/aircall": adapter("aircall"),
  "GET /api/v1/sms/ovh/receipts/:secret": ovhReceipts,
  "HEAD /api/v1/sms/ovh/receipts/:secret": ovhReceipts,
  "POST /api/v1/sms/ovh/replies/:secret": ovhReplies,
  "POST /api/v1/sms/brevo/events": brevoEvents,
  "GET /api/v1/admin/users": asAdmin("GET", "/api/v1/admin/users"),
  "POST /api/v1/admin/users": asAdmin("POST", "/api/v1/admin/users", { login: "fuzz", displayName: "Fuzz", role: "secretary", practiceIds: [], extension: null, password: "0123456789" }),
  "PATCH /api/v1/admin/users/:id": asAdmin("PATCH", "/api/v1/admin/users/:id", { displayName: "Fuzz", role: "secretary", disabled: false }),
  "GET /api/v1/admin/devices": asAdmin("GET", "/api/v1/admin/devices"),
  "GET /api/v1/admin/notifications": asAdmin("GET", "/api/v1/admin/notifications"),
  "GET /api/v1/admin/sms/failed": asAdmin("GET", "/api/v1/admin/sms/failed"),
  "POST /api/v1/admin/sms/:id/retry": asAdmin("POST", "/api/v1/admin/sms/:id/retry"),
  "POST /api/v1/admin/notifications/:id/retry": asAdmin("POST", "/api/v1/admin/notifications/:id/retry"),
  "GET /api/v1/admin/practitioners": asAdmin("GET", "/api/v1/admin/practitioners"),
  "GET /api/v1/admin/practices/:id/sms": asAdmin("GET", "/api/v1/admin/practices/:id/sms"),
  "PATCH /api/v1/admin/practices/:id/sms": asAdmin("PATCH", "/api/v1/admin/practices/:id/sms", DEFAULT_SMS_SETTINGS),
  "PATCH /api/v1/admin/practices/:id/day-summary": asAdmin("PATCH", "/api/v1/admin/practices/:id/day-summary", { hour: 19 }),
  "GET /api/v1/admin/practitioners/:id/calendar-feeds": asAdmin("GET", "/api/v1/admin/practitioners/:id/calendar-feeds"),
  "POST /api/v1/admin/practitioners/:id/calendar-feeds": asAdmin("POST", "/api/v1/admin/practitioners/:id/calendar-feeds"),
  "POST /api/v1/admin/calendar-feeds/:id/revoke": asAdmin("POST", "/api/v1/admin/calendar-feeds/:id/revoke"),
  "POST /api/v1/admin/devices/:id/revoke": asAdmin("POST", "/api/v1/admin/devices/:id/revoke"),
  "PATCH /api/v1/admin/devices/:id": asAdmin("PATCH", "/api/v1/admin/devices/:id", { name: "Accueil 2" }),
  "POST /api/v1/admin/directives": asAdmin("POST", "/api/v1/admin/directives", DIRECTIVE_EXAMPLE),
  "PATCH /api/v1/admin/directives/:id": asAdmin("PATCH", "/api/v1/admin/directives/:id", { title: "Consigne", validTo: "2030-01-01T00:00:00Z" }),
  "POST /api/v1/admin/practices": asAdmin("POST", "/api/v1/admin/practices", { name: "Cabinet", kind: "cabinet", address: { street: "1 rue", postalCode: "75001", city: "Paris" }, greetings: { default: "Bonjour." } }),
  "PATCH /api/v1/admin/practices/:id": asAdmin("PATCH", "/api/v1/admin/practices/:id", { name: "Cabinet", accessNotes: "Code 1234" }),
  "POST /api/v1/admin/practitioners": asAdmin("POST", "/api/v1/admin/practitioners", {
    practiceId: SOME_ID, title: "Dr", firstName: "A", lastName: "B", specialty: "C", acceptsNewPatients: "oui", workingHours: [], color: "#123456",
  }),
  "PATCH /api/v1/admin/practitioners/:id": asAdmin("PATCH", "/api/v1/admin/practitioners/:id", { color: "#123456", absences: [] }),
  "POST /api/v1/admin/motifs": asAdmin("POST", "/api/v1/admin/motifs", { practitionerId: SOME_ID, label: "Consultation", durationMinutes: 20, color: "#123456", allowedForNewPatients: true }),
  "PATCH /api/v1/admin/motifs/:id": asAdmin("PATCH", "/api/v1/admin/motifs/:id", { durationMinutes: 30 }),
  "POST /api/v1/admin/dialled-numbers": asAdmin("POST", "/api/v1/admin/dialled-numbers", { practiceId: SOME_ID, number: "01 44 55 66 88", label: "Accueil" }),
  "GET /api/v1/admin/audit": asAdmin("GET", "/api/v1/admin/audit", {}, { action: "login", limit: "10", userId: SOME_ID, before: `2026-01-01T00:00:00.000Z_${SOME_ID}` }),
  "GET /api/v1/stats/calls": asAdmin("GET", "/api/v1/stats/calls", {}, { from: "2026-01-01", to: "2026-01-31" }),
  "GET /api/v1/stats/sms": asAdmin("GET", "/api/v1/stats/sms", {}, { from: "2026-01-01", to: "2026-01-31" }),
  "GET /api/v1/stats/callbacks": asAdmin("GET", "/api/v1/stats/callbacks", {}, { from: "2026-01-01", to: "2026-01-31" }),
  "PATCH /api/v1/billing/issuer": asAdmin("PATCH", "/api/v1/billing/issuer", { name: "Agence", address: "1 rue", siren: "123456789", vatNumber: null, paymentDays: 30, latePenalty: "taux BCE + 10 points" }),
  "POST /api/v1/billing/practices/:id/contracts": asAdmin("POST", "/api/v1/billing/practices/:id/contracts", {
    effectiveFrom: "2026-01-01", pricing: "par_appel", pricePerCallCents: 95, monthlyFeeCents: null, includedCalls: null, extraCallCents: null, outOfHoursCents: 0, onCallMonthlyCents: 0, billableOutcomes: ["rdv_pris"], vatRateBp: 2000,
  }),
  "GET /api/v1/reports/activity": asAdmin("GET", "/api/v1/reports/activity", {}, { from: "2026-01-01", to: "2026-01-31", practiceId: SOME_ID }),
};

// ---- The checks --------------------------------------------------------------------------------

interface Tally {
  statuses: Map<number, number>;
  pastAuthentication: number;
}

/** Which tables may change for this answer; anything else changing is a partial write. */
function allowedChanges(route: string, response: LightMyRequestResponse): Set<string> | "any" {
  const code = response.statusCode >= 400 && response.body ? (JSON.parse(response.body) as { error?: { code?: string } }).error?.code : undefined;
  const wrongPassword =
    (response.statusCode === 401 && (route === "POST /api/v1/auth/login" || route === "POST /portail/api/login")) ||
    (response.statusCode === 403 && route === "POST /api/v1/auth/confirm-password") ||
    (code === "invalid_code" && route === "POST /portail/api/second-factor");
  // A well-formed wrong password or code is on record and counted by the rate limit: those rows only.
  if (wrongPassword) return new Set(["audit_event", "login_attempt"]);
  // The right password of an account that is not a practitioner's: the attempt is kept (uncounted), nothing else.
  if (code === "not_a_practitioner") return new Set(["login_attempt"]);
  if (response.statusCode >= 400) return new Set();
  if (route === "POST /api/v1/sync/push") {
    const { results } = pushResponse.parse(response.json());
    // A rejected mutation still takes its place in the client's sequence, by design (docs/protocol.md); a
    // booking refused for an agenda rule leaves the patient to call back (issue 18).
    const refusedBooking = results.some((result) => result.error?.code !== undefined && BOOKING_RULE_CODES.includes(result.error.code as BookingRuleCode));
    return results.some((result) => result.status === "applied") ? "any" : new Set(["client_mutation", ...(refusedBooking ? ["callback"] : [])]);
  }
  // A 2xx is a write the server accepted (a login, a call recorded): not malformed input.
  return "any";
}

async function check(route: string, request: Request, tally: Tally): Promise<void> {
  let headers = request.headers;
  const ownSession = headers.authorization?.includes(OWN_SESSION) ? await world.openSession() : null;
  if (ownSession) {
    headers = { ...headers, authorization: headers.authorization!.replace(OWN_SESSION, ownSession) };
    counts = await world.counts();
  }
  const portalStage = headers.cookie?.includes(OWN_PENDING) ? "second_factor" : headers.cookie?.includes(OWN_PORTAL) ? "open" : null;
  // One session per stage, kept while requests leave it alive: opening and dropping one per request tripled the run's time.
  if (portalStage && !portalSessions[portalStage]) {
    portalSessions[portalStage] = await world.openPortalSession(portalStage);
    counts = await world.counts();
  }
  const ownPortal = portalStage ? portalSessions[portalStage]! : null;
  if (ownPortal) {
    headers = { ...headers, cookie: headers.cookie!.replace(OWN_PENDING, ownPortal.token).replace(OWN_PORTAL, ownPortal.token) };
    if (headers["x-csrf-token"] === OWN_CSRF) headers["x-csrf-token"] = ownPortal.csrfToken;
  }
  const options: InjectOptions = {
    method: request.method as InjectOptions["method"],
    url: request.url,
    headers,
    ...(request.body ? { payload: request.body.payload } : {}),
    ...(request.remoteAddress ? { remoteAddress: request.remoteAddress } : {}),
  };
  const response = await world.app.inject(options);
  const where = `${route} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  tally.statuses.set(response.statusCode, (tally.statuses.get(response.statusCode) ?? 0) + 1);
  if (response.statusCode !== 401) tally.pastAuthentication++;

  expect(response.statusCode, where).toBeLessThan(500);
  expect(response.headers["x-content-type-options"], where).toBe("nosniff");
  expect(response.headers["cache-control"], where).toBe("no-store");
  if (response.statusCode >= 400 && request.method !== "HEAD") expect(errorShapeProblem(response.body), where).toBeNull();
  if (response.statusCode === 200 && route === "POST /api/v1/sync/push") {
    for (const result of pushResponse.parse(response.json()).results) {
      if (result.status === "rejected") expect(looksFrench(result.error?.message ?? ""), `${where} ${result.error?.message}`).toBe(true);
    }
  }

  const after = await world.counts();
  const allowed = allowedChanges(route, response);
  if (allowed !== "any") {
    const changed = changedTables(counts, after).filter((table) => !allowed.has(table));
    expect(changed, `${where} : lignes écrites malgré le refus`).toEqual([]);
    if (allowed.has("audit_event")) expect(after.audit_event! - counts.audit_event!, where).toBe(1);
  }
  counts = after;
  if (ownSession) {
    await world.dropSession(ownSession);
    counts = await world.counts();
  }
  // A logout or a right code ends the session; a 401 may say it ended: the next request opens another.
  const ended = response.statusCode === 401 || (response.statusCode < 300 && (route === "POST /portail/api/logout" || route === "POST /portail/api/second-factor"));
  if (portalStage && ownPortal && ended) {
    await world.dropPortalSession(ownPortal.token);
    portalSessions[portalStage] = undefined;
    counts = await world.counts();
  }
}

const portalSessions: Record<"second_factor" | "open", { token: string; csrfToken: string } | undefined> = { second_factor: undefined, open: undefined };

async function fuzz(route: string, arbitrary: fc.Arbitrary<Request>, runs = RUNS): Promise<Tally> {
  const tally: Tally = { statuses: new Map(), pastAuthentication: 0 };
  world.logs.splice(0);
  await fc
    .assert(fc.asyncProperty(arbitrary, (request) => check(route, request, tally)), { seed: SEED, numRuns: runs, endOnFailure: true })
    .catch((error: Error) => {
      // The counterexample may hold a 16 MiB body: keep the report readable (seed and path reproduce it).
      throw new Error(shorten(`${error.message}\n${String((error.cause as Error | undefined)?.message ?? "")}`));
    });
  // Still up and serving, and nothing leaked into every object's prototype.
  expect((await world.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  expect(prototypeSnapshot()).toBe(prototypes);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(world.logs, "erreurs internes journalisées").toEqual([]);
  return tally;
}

function shorten(text: string): string {
  return text.replace(/(.{300})[^"\n]{200,}/g, "$1…").slice(0, 6_000);
}

const routeKey = (route: CataloguedRoute) => `${route.method} ${route.url}`;

describe("fuzzing every HTTP route", () => {
  it.each(Object.keys(GENERATORS))("%s: 1,000 malformed requests, never a 5xx, always a French error, no partial write", async (route) => {
    expect(routesOf(world.app).map(routeKey), "route disparue du serveur : retirez son générateur").toContain(route);
    const tally = await fuzz(route, GENERATORS[route]!(world));
    // The generator must get past authentication most of the time, or it only fuzzes the 401.
    expect(tally.pastAuthentication, JSON.stringify([...tally.statuses])).toBeGreaterThan(RUNS * 0.5);
  });

  // A loop over the routes without a generator of their own: its time grows with them (each gets one above, in time).
  it("fuzzes every other registered route as well, so that no new route escapes", { timeout: 180_000 }, async () => {
    const others = routesOf(world.app).filter((route) => !(routeKey(route) in GENERATORS));
    for (const route of others) {
      const tally = await fuzz(routeKey(route), generic(route.method, route.url)(world));
      expect(tally.statuses.size, `${routeKey(route)} : ${JSON.stringify([...tally.statuses])}`).toBeGreaterThan(0);
    }
  });

  it("answers any method on any path in the error shape", async () => {
    const methods = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    const paths = fc.oneof(
      fc.constantFrom("/", "//", "/api", "/api/v1", "/api/v1/", "/api/v1/sync", "/api/v1/sync/push/", "/api/v1/../health", "/%2e%2e/health", "/health/", "/HEALTH", "/api/v1/auth/login%00", "/api/v1/ws/x"),
      fc.webPath(),
      nastyString.map((text) => `/api/v1/${percentEncode(text)}`),
    );
    const requests = fc.record({ method: methods, url: paths }).chain(({ method, url }) => generic(method, url)(world));
    await fuzz("chemin quelconque", requests, 300);
  });
});
