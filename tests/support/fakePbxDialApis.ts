import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";

/**
 * Local stand-ins for the three PBXs' click-to-call interfaces, as docs/research/pbx-click-to-call.md
 * describes them: Asterisk's AMI (TCP), 3CX's Call Control API and Aircall's Public API (HTTP). They check
 * what the real ones check, keep what they received, and answer as scripted. On 127.0.0.1, port 0.
 */

// ---------------------------------------------------------------- Asterisk AMI

export type AmiAction = Record<string, string | string[]>;

export interface FakeAmiScript {
  /** OriginateResponse's Reason for the next Originates: 4 answered, 3 no answer, 5 busy, 1 hung up, 8 congestion, 0 no such phone. */
  reason: number;
  /** Queue the Originate, then never say how it went. */
  silentAfterQueue: boolean;
  /** Accept connections, then say nothing at all, not even the banner. */
  mute: boolean;
  /** Write each message in pieces of this many bytes, one TCP write each, a turn of the event loop apart (0: whole). */
  chunkBytes: number;
  /** End lines with a bare LF instead of CRLF. */
  lfOnly: boolean;
}

const AST_TRUE = /^(yes|true|y|t|1|on)$/i;

/** Asterisk's manager, for Login, Originate (asynchronous) and Logoff. */
export async function startFakeAmi(credentials: { username: string; secret: string }, script: Partial<FakeAmiScript> = {}) {
  const state: FakeAmiScript = { reason: 4, silentAfterQueue: false, mute: false, chunkBytes: 0, lfOnly: false, ...script };
  const received: AmiAction[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let uniqueId = 42;

  const server = createTcpServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    socket.setNoDelay(true);
    if (state.mute) return;
    let writing = Promise.resolve();
    const write = (text: string, end = false) => {
      const eol = state.lfOnly ? "\n" : "\r\n";
      const wire = text.replace(/\n/g, eol);
      const pieces = state.chunkBytes > 0 ? (wire.match(new RegExp(`[\\s\\S]{1,${state.chunkBytes}}`, "g")) ?? []) : [wire];
      writing = writing.then(async () => {
        for (const piece of pieces) {
          if (socket.destroyed) return;
          socket.write(piece);
          if (state.chunkBytes > 0) await new Promise((resolve) => setImmediate(resolve));
        }
        if (end) socket.end();
      });
    };
    const message = (fields: Record<string, string | number | undefined>) =>
      write(`${Object.entries(fields).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}: ${value}`).join("\n")}\n\n`);
    const reply = (actionId: string | undefined, response: string, text: string, end = false) => {
      message({ Response: response, ActionID: actionId, Message: text });
      if (end) write("", true);
    };

    let authenticated = false;
    let callEvents = false;
    let buffer = "";
    socket.setEncoding("utf8");
    write("Asterisk Call Manager/8.0.0\n");
    socket.on("data", (text: string) => {
      buffer += text;
      for (let end = buffer.search(/\r?\n\r?\n/); end !== -1; end = buffer.search(/\r?\n\r?\n/)) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, "");
        const fields: AmiAction = {};
        const lower = new Map<string, string>();
        for (const line of block.split(/\r?\n/)) {
          const colon = line.indexOf(":");
          if (colon <= 0) continue;
          const key = line.slice(0, colon).trim();
          const value = line.slice(colon + 1).trim();
          const before = fields[key];
          fields[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
          if (!lower.has(key.toLowerCase())) lower.set(key.toLowerCase(), value);
        }
        received.push(fields);
        handle(lower);
      }
    });

    function handle(fields: Map<string, string>) {
      const action = fields.get("action")?.toLowerCase();
      const actionId = fields.get("actionid");
      if (action === "logoff") return reply(actionId, "Goodbye", "Thanks for all the fish.", true);
      if (action === "login") {
        if (fields.get("username") !== credentials.username || fields.get("secret") !== credentials.secret) {
          return reply(actionId, "Error", "Authentication failed", true);
        }
        authenticated = true;
        // No Events header: the user's read permissions apply (call included here).
        const mask = (fields.get("events") ?? "on").toLowerCase();
        callEvents = mask === "on" || mask.split(",").some((part) => ["call", "all"].includes(part.trim()));
        reply(actionId, "Success", "Authentication accepted");
        if (mask !== "off") message({ Event: "FullyBooted", Privilege: "system,all", Status: "Fully Booted" });
        return;
      }
      if (!authenticated) return reply(actionId, "Error", "Permission denied");
      if (action !== "originate") return reply(actionId, "Error", "Invalid/unknown command");

      const channel = fields.get("channel");
      const exten = fields.get("exten");
      const context = fields.get("context");
      const priority = fields.get("priority");
      const timeout = fields.get("timeout");
      if (!channel) return reply(actionId, "Error", "Channel not specified");
      if (!channel.includes("/")) return reply(actionId, "Error", "Invalid channel");
      if (exten && (!context || !priority)) return reply(actionId, "Error", "Originate with 'Exten' requires 'Context' and 'Priority'");
      if (priority !== undefined && !/^\d+$/.test(priority)) return reply(actionId, "Error", "Invalid priority");
      if (timeout !== undefined && !/^\d+$/.test(timeout)) return reply(actionId, "Error", "Invalid timeout");
      if (!AST_TRUE.test(fields.get("async") ?? "")) return reply(actionId, "Error", "Fake AMI: only asynchronous Originate");
      reply(actionId, "Success", "Originate successfully queued");
      if (!callEvents || state.silentAfterQueue) return;
      // Events are broadcast: another client's call and another Originate's answer come first, to be ignored.
      message({ Event: "Newchannel", Privilege: "call,all", Channel: `${channel}-0000002a`, Exten: exten, Uniqueid: `1716212345.${uniqueId}` });
      message({ Event: "OriginateResponse", Privilege: "call,all", ActionID: "someone-else", Response: "Failure", Reason: 5 });
      const answered = state.reason === 4;
      message({
        Event: "OriginateResponse",
        Privilege: "call,all",
        ActionID: actionId,
        Response: answered ? "Success" : "Failure",
        Channel: answered ? `${channel}-0000002a` : channel,
        Context: context,
        Exten: exten,
        Reason: state.reason,
        Uniqueid: answered ? `1716212345.${uniqueId++}` : "<null>",
        CallerIDNum: "201",
        CallerIDName: "Telesec",
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    script: state,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- HTTP servers

export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

async function listen(handle: (request: ReceivedRequest, response: ServerResponse) => void) {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen = {
        method: request.method ?? "",
        path: request.url ?? "",
        authorization: request.headers.authorization,
        contentType: request.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(seen);
      handle(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // Held requests included: nothing is left waiting.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answer = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------- 3CX V20 Call Control

export interface FakeThreeCxOptions {
  clientId: string;
  clientSecret: string;
  /** Each extension (DN) and the device ids of its phones. */
  devices: Record<string, string[]>;
  /** The extensions the API may drive (« Extensions to monitor »); all by default. */
  monitored?: string[];
  /** The tokens' lifetime in seconds; 3600 by default. */
  expiresIn?: number;
}

/** 3CX's token endpoint and Call Control: devices, makecall. */
export async function startFakeThreeCx(options: FakeThreeCxOptions) {
  const valid = new Set<string>();
  const issued: string[] = [];
  const makecalls: Array<{ dn: string; deviceId: string; destination: string }> = [];
  const script: { failNext: { status: number; reasontext: string } | null; hold: "token" | "makecall" | null } = { failNext: null, hold: null };
  const monitored = options.monitored ?? Object.keys(options.devices);

  const server = await listen((request, response) => {
    const url = new URL(request.path, "http://fake");
    if (request.method === "POST" && url.pathname === "/connect/token") {
      if (script.hold === "token") return void (script.hold = null);
      const form = new URLSearchParams(request.body);
      if (!request.contentType?.startsWith("application/x-www-form-urlencoded") || form.get("grant_type") !== "client_credentials") {
        return answer(response, 400, { error: "unsupported_grant_type" });
      }
      if (form.get("client_id") !== options.clientId || form.get("client_secret") !== options.clientSecret) return answer(response, 400, { error: "invalid_client" });
      const token = `jeton-${issued.length + 1}`;
      issued.push(token);
      valid.add(token);
      return answer(response, 200, { token_type: "Bearer", expires_in: options.expiresIn ?? 3600, access_token: token });
    }
    if (!url.pathname.startsWith("/callcontrol")) return answer(response, 404, { error: "Not found" });
    const bearer = /^Bearer (.+)$/.exec(request.authorization ?? "")?.[1];
    if (!bearer || !valid.has(bearer)) return answer(response, 401);

    // The path's segments, decoded: a device id arrives URL-encoded, in one segment.
    const segments = url.pathname.split("/").slice(1).map(decodeURIComponent);
    const [, dn, devicesWord, deviceId, verb] = segments;
    if (!dn || devicesWord !== "devices") return answer(response, 404, { reasontext: "Not found" });
    if (!(dn in options.devices)) return answer(response, 404, { reasontext: `DN ${dn} not found` });
    if (!monitored.includes(dn)) return answer(response, 403, { reasontext: "Forbidden" });
    const phones = options.devices[dn]!;
    if (request.method === "GET" && segments.length === 3) {
      return answer(response, 200, phones.map((device_id) => ({ dn, device_id, user_agent: "Yealink SIP-T46U 108.86.0.20" })));
    }
    if (request.method !== "POST" || verb !== "makecall" || segments.length !== 5) return answer(response, 404, { reasontext: "Not found" });
    if (!phones.includes(deviceId!)) return answer(response, 404, { reasontext: "Device not found" });
    const body = parseJson(request.body) as { destination?: unknown } | null;
    if (!request.contentType?.startsWith("application/json") || typeof body?.destination !== "string" || body.destination === "") {
      return answer(response, 400, { reasontext: "Invalid destination" });
    }
    if (script.hold === "makecall") {
      script.hold = null;
      makecalls.push({ dn, deviceId: deviceId!, destination: body.destination });
      return;
    }
    if (script.failNext) {
      const { status, reasontext } = script.failNext;
      script.failNext = null;
      return answer(response, status, { finalstatus: "Failed", reason: "None", reasontext });
    }
    makecalls.push({ dn, deviceId: deviceId!, destination: body.destination });
    const id = makecalls.length;
    return answer(response, 200, {
      finalstatus: "Success",
      reason: "None",
      reasontext: "",
      result: { id, status: "Dialing", dn, party_caller_name: "", party_dn: "", party_caller_id: body.destination, device_id: deviceId, party_dn_type: "None", direct_control: false, callid: 3456 + id, legid: 1 },
    });
  });
  return {
    ...server,
    makecalls,
    /** The tokens handed out, in order. */
    issued,
    script,
    /** 3CX forgets every token (a restart, an expiry): the next request with one gets 401. */
    expireTokens: () => valid.clear(),
  };
}

// ---------------------------------------------------------------- Aircall Public API

export interface FakeAircallOptions {
  apiId: string;
  apiToken: string;
  /** Each user id and the Number ids assigned to it; `available: false` answers 405. */
  users: Record<string, { numberIds: number[]; available?: boolean }>;
}

/** Aircall's « Start an outbound call ». */
export async function startFakeAircall(options: FakeAircallOptions) {
  const calls: Array<{ userId: string; number_id: number; to: string }> = [];
  const script: { failNext: { status: number; body: unknown } | null; hold: boolean } = { failNext: null, hold: false };
  const basic = `Basic ${Buffer.from(`${options.apiId}:${options.apiToken}`).toString("base64")}`;

  const server = await listen((request, response) => {
    // Both Aircall's edge answers, in its own words.
    if (!request.authorization) return answer(response, 401, { message: "Unauthorized" });
    if (request.authorization !== basic) return answer(response, 403, { message: "Forbidden" });
    const match = /^\/v1\/users\/([^/]+)\/calls$/.exec(request.path);
    if (request.method !== "POST" || !match) return answer(response, 404, { error: "Not found", troubleshoot: "Check the URL" });
    const userId = match[1]!;
    const user = options.users[userId];
    if (!user) return answer(response, 404, { error: "Not found", troubleshoot: "User not found" });
    if (script.failNext) {
      const { status, body } = script.failNext;
      script.failNext = null;
      return answer(response, status, body, status === 429 ? { "X-AircallApi-Limit": "120", "X-AircallApi-Remaining": "0", "X-AircallApi-Reset": "1795424460" } : {});
    }
    const body = parseJson(request.body) as { number_id?: unknown; to?: unknown } | null;
    if (!request.contentType?.startsWith("application/json")) return answer(response, 400, { error: "Bad Request", troubleshoot: "Content-Type must be application/json" });
    if (!Number.isInteger(body?.number_id) || !user.numberIds.includes(body!.number_id as number)) {
      return answer(response, 400, { error: "Bad Request", troubleshoot: "number_id must be a Number the user is assigned to" });
    }
    if (typeof body?.to !== "string" || !/^\+[1-9]\d{6,14}$/.test(body.to)) return answer(response, 400, { error: "Bad Request", troubleshoot: "to must be in E.164 format" });
    if (user.available === false) return answer(response, 405, { error: "Method Not Allowed", troubleshoot: "User not available" });
    calls.push({ userId, number_id: body.number_id as number, to: body.to });
    if (script.hold) {
      // Taken, never answered: a timeout after which the call is already ringing.
      script.hold = false;
      return;
    }
    return answer(response, 204);
  });
  return { ...server, calls, script };
}
