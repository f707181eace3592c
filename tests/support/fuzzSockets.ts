import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";

/** An HTTP answer read off a raw socket. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What came after the headers of a 101: the first WebSocket frames. */
  rest: Buffer;
  socket: Socket;
}

/**
 * Writes `request` (bytes, exactly as given: malformed ones included) on a new connection and reads
 * the answer's status line, headers and body (by Content-Length, none for a HEAD). Null when the server closed the
 * connection without a word; rejects when it neither answers nor closes within `timeoutMs`.
 */
export function rawRequest(port: number, request: Buffer, { head = false, timeoutMs = 5_000 } = {}): Promise<RawAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (answer: RawAnswer | null, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        reject(error);
      } else resolve(answer);
    };
    const timer = setTimeout(() => finish(null, new Error(`ni réponse ni fermeture en ${timeoutMs} ms (reçu : ${JSON.stringify(received.toString("latin1").slice(0, 200))})`)), timeoutMs);
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseAnswer(received, socket, head);
      if (answer) finish(answer);
    });
    socket.on("close", () => finish(parseAnswer(received, socket, head)));
    socket.write(request);
  });
}

/** `head`: the answer to a HEAD request, whose Content-Length announces a body never sent. */
function parseAnswer(bytes: Buffer, socket: Socket, head: boolean): RawAnswer | null {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine = "", ...lines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!status) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const after = bytes.subarray(end + 4);
  if (status === 101) return { status, headers, body: "", rest: after, socket };
  const length = head ? 0 : Number(headers["content-length"] ?? 0);
  if (after.length < length) return null;
  return { status, headers, body: after.subarray(0, length).toString("utf8"), rest: Buffer.alloc(0), socket };
}

/** A client's WebSocket frame, masked or not, its length announced as given (or truly). */
export interface FrameSpec {
  fin: boolean;
  rsv: number;
  opcode: number;
  masked: boolean;
  payload: Uint8Array;
  /** How the length is written: the shortest form, or forced to 16 or 64 bits. */
  lengthForm: "shortest" | "16" | "64";
  /** The announced length minus the true one (0: truthful). */
  lengthLie: number;
}

export function encodeFrame(frame: FrameSpec): Buffer {
  const length = Math.max(0, frame.payload.length + frame.lengthLie);
  const head: number[] = [(frame.fin ? 0x80 : 0) | ((frame.rsv & 7) << 4) | (frame.opcode & 0x0f)];
  const mask = frame.masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (frame.lengthForm === "shortest" && length < 126) head.push(mask | length);
  else if (frame.lengthForm !== "64" && length < 65_536) {
    head.push(mask | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(mask | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(Math.min(length, Number.MAX_SAFE_INTEGER)));
  }
  const key = frame.masked ? randomBytes(4) : Buffer.alloc(0);
  const payload = Buffer.from(frame.payload);
  if (frame.masked) for (let index = 0; index < payload.length; index++) payload[index]! ^= key[index % 4]!;
  return Buffer.concat([Buffer.from(head), extended, key, payload]);
}

/** A well-formed masked ping carrying `nonce`. */
export const pingFrame = (nonce: Buffer) => encodeFrame({ fin: true, rsv: 0, opcode: 0x9, masked: true, payload: nonce, lengthForm: "shortest", lengthLie: 0 });

/** The server's (unmasked) frames in `bytes`, as far as they are complete. */
export function serverFrames(bytes: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = bytes[at]! & 0x0f;
    let length = bytes[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) break;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) break;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) break;
    frames.push({ opcode, payload: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}
