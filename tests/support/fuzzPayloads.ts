import fc from "fast-check";

/**
 * What the fuzz tests throw at the server: values of the wrong type, missing and extra fields, huge
 * strings, odd Unicode, SQL and JSON injection, deep nesting, prototype pollution, wrong content
 * types and text that is not JSON. Each route's generator starts from a valid request and breaks
 * it, so the malformed payloads reach as deep into the route as they can.
 */

/** Strings that have broken servers before. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uDC00y\uD83D",
  "\u202Emoc.elpmaxe\u202C",
  "\u200F\u200E\u200B\u2060\uFEFF",
  "\u0301\u0301\u0301e\u0308",
  "😀👩‍⚕️🇫🇷",
  "\r\n\t\v\f\b",
  "' OR '1'='1",
  "'; DROP TABLE patient; --",
  "\"; DELETE FROM call; --",
  "1; SELECT pg_sleep(5)",
  "$1",
  "%s%n%x",
  "\\",
  "\\u0000",
  "%00",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "{\"__proto__\":{\"polluted\":true}}",
  "\"},\"admin\":true,\"x\":{\"",
  "]]>",
  "${jndi:ldap://x}",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "5e1f0c3a-7d42-4b8e-9a16-2c3b4d5e6f70",
  "2025-02-30T25:61:61Z",
  "0000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00.000Z",
  "+33 1 44 55 66 77",
  "secretaire",
  "__proto__",
  "constructor",
  "prototype",
];

/**
 * Characters that are each a hazard somewhere: surrogate halves, direction marks, combining marks.
 * (NUL comes from NASTY_STRINGS and hugeString: a body holding one is refused whole, so it would hide the rest.)
 */
const ODD_CHARACTERS = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u202E", "\u200F", "\u061C", "\uFEFF", "\u0301", "é", "ß", "😀", "'", '"', "\\", "%", "_", ";", "-", "a", "0"];

const oddString = fc.array(fc.constantFrom(...ODD_CHARACTERS), { maxLength: 30 }).map((parts) => parts.join(""));

/** A string of up to `max` characters (default 300,000: past every field's limit and most bodies'). */
export const hugeString = (max = 300_000) =>
  fc.tuple(fc.integer({ min: 201, max }), fc.constantFrom("x", "é", "€", "😀", "\u0000", "'")).map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any code point but NUL and the surrogate halves (oddString has those), control characters included. */
const anyCharacter = fc.oneof(fc.integer({ min: 1, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff })).map((code) => String.fromCodePoint(code));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 60 }) },
  { weight: 3, arbitrary: oddString },
  { weight: 1, arbitrary: hugeString(20_000) },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

// Prototype keys and NUL now and then: a body holding one anywhere is refused whole, so they would hide the rest.
const nastyKey = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype") },
  { weight: 1, arbitrary: fc.constant("\u0000") },
  { weight: 20, arbitrary: fc.oneof(fc.constantFrom("toString", "hasOwnProperty", "valueOf", "id", ""), fc.string({ maxLength: 12 })) },
);

/** Any JSON value, shallow or deep, with hazardous keys among the object keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyScalar,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(nastyKey, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** A JSON text nested `depth` levels deep (arrays or objects). */
export const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));

/** JSON texts whose keys would pollute prototypes if merged naively. */
export const pollutingJson = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":{"__proto__":{"isAdmin":true}}}',
  '{"args":{"__proto__":{"practiceIds":["*"]}}}',
  '[{"__proto__":null}]',
);

/** Texts that are not JSON, or not quite. */
export const notJson = fc.oneof(
  fc.constantFrom("", " ", "{", "}", "[", '{"a":', '{"a":1,}', "{'a':1}", "{a:1}", "NaN", "undefined", "\uFEFF{}", "/* */{}", '{"a":1}{"b":2}', '"\\ud800"', '"\\u0000"', "\u0000", "1e999999", '{"a":"\\x41"}', "tru"),
  fc.string({ unit: "binary", maxLength: 80 }),
);

/** Content types a client might (wrongly) send with a body. */
export const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/json;;;",
  "application/jsonx",
  "application/x-json",
  "text/json",
  "text/plain",
  "text/html",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "application/octet-stream",
  "*/*",
  "",
  "\u00e9",
);

/** A body to send: the text and its content type (undefined: no Content-Type header). */
export interface Body {
  payload: string;
  contentType: string | undefined;
}

const json = (value: unknown): Body => ({ payload: JSON.stringify(value) ?? "null", contentType: "application/json" });

/**
 * A valid request body broken in one to three places: fields removed, replaced by nasty values,
 * added (prototype keys included), or the whole value replaced. `fields` may give each field's own
 * nasty values (a wrong uuid, a datetime out of range…), tried besides the generic ones.
 */
export function brokenObject(valid: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const edit = fc.oneof(
    fc.record({ kind: fc.constant("remove" as const), key: fc.constantFrom(...keys) }),
    fc.record({ kind: fc.constant("replace" as const), key: fc.constantFrom(...keys), value: nastyValue }),
    fc.record({ kind: fc.constant("add" as const), key: nastyKey, value: nastyValue }),
    ...Object.entries(fields).map(([key, value]) => fc.record({ kind: fc.constant("replace" as const), key: fc.constant(key), value })),
  );
  const edited = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    // JSON.parse makes "__proto__" an own key, as a client's JSON would.
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    for (const change of edits) {
      if (change.kind === "remove") delete copy[change.key];
      else Object.defineProperty(copy, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
    }
    return copy;
  });
  return fc.oneof({ weight: 6, arbitrary: edited }, { weight: 1, arbitrary: nastyValue });
}

/** A body for a JSON route: mostly JSON of a broken object, else deep, polluting, not JSON, or of another type. */
export function bodyOf(broken: fc.Arbitrary<unknown>, { sizes = [300_000], jsonWeight = 12 }: { sizes?: number[]; jsonWeight?: number } = {}): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: jsonWeight, arbitrary: broken.map(json) },
    { weight: 1, arbitrary: deepJson.map((payload) => ({ payload, contentType: "application/json" })) },
    { weight: 1, arbitrary: pollutingJson.map((payload) => ({ payload, contentType: "application/json" })) },
    { weight: 2, arbitrary: notJson.map((payload) => ({ payload, contentType: "application/json" })) },
    { weight: 2, arbitrary: fc.tuple(broken, contentTypes).map(([value, contentType]) => ({ payload: JSON.stringify(value) ?? "", contentType })) },
    { weight: 1, arbitrary: fc.constant({ payload: "", contentType: undefined }) },
    // Bodies just over a size limit, and far over.
    ...sizes.map((size) => ({ weight: 1, arbitrary: fc.integer({ min: size - 64, max: size + 4096 }).map((length) => json({ padding: "x".repeat(length) })) })),
  );
}

/** Query strings: known parameters with nasty values, repeated, unknown, or not URL-encoded properly. */
export function queryOf(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const known = Object.entries(params).map(([key, value]) => fc.tuple(fc.constant(key), fc.oneof(value, nastyString)));
  const unknown = fc.tuple(nastyKey, nastyString);
  const pair = known.length === 0 ? unknown : fc.oneof({ weight: 4, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: unknown });
  const encoded = fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`).join("&"));
  const raw = fc.constantFrom("%", "%zz", "%00", "a=%E9", "a[b]=1", "a[__proto__][x]=1", "__proto__[polluted]=1", "&&&", "=", "cursor", "limit=1&limit=2", `cursor=${"x".repeat(5000)}`);
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/**
 * encodeURIComponent, except that a half surrogate pair (which it refuses) is written as the three
 * bytes UTF-8 would give it — bytes that are not valid UTF-8, as a careless client would send.
 */
export function percentEncode(text: string): string {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (unit) => {
    if (unit.length === 2 || unit.charCodeAt(0) < 0xd800 || unit.charCodeAt(0) > 0xdfff) return encodeURIComponent(unit);
    const code = unit.charCodeAt(0);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
  });
}

/** Base64url of a JSON value: what an opaque cursor looks like from outside. */
export const base64urlJson = (value: unknown) => Buffer.from(JSON.stringify(value) ?? "").toString("base64url");

/** Authorization header values, from none to nonsense. */
export function authorizationOf(validToken: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${validToken}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom("", "Bearer", "Bearer ", `bearer ${validToken}`, `Basic ${validToken}`, `Bearer ${validToken} extra`, `Bearer ${validToken.slice(1)}`, `Bearer ${"A".repeat(300)}`),
        fc.string({ unit: "grapheme-ascii", maxLength: 80 }).map((text) => `Bearer ${text}`),
      ),
    },
  );
}
