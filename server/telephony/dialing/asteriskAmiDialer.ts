import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { Clock } from "../../../shared/time/clock";
import { dialableNumber, notPlaced, placed, type Dialer, type DialerOptions, type DialOutcome } from "./dialer";

export interface AsteriskAmiSettings {
  host: string;
  /** 5038 by default in manager.conf. */
  port: number;
  /** A manager.conf user with `read=call` (OriginateResponse is a call event) and `write=originate`. */
  username: string;
  secret: string;
  /** Where the patient's number is dialled once the secretary answers: « from-internal » on FreePBX. */
  context: string;
  /** The secretary's phone, « PJSIP/{extension} »: rung first. */
  channelTemplate: string;
  /** Shown on her phone and handed to the outbound route; « {extension} » is replaced. */
  callerId: string;
  /** How long her phone rings (Originate's Timeout); 30 s by default. */
  ringTimeoutMs?: number;
  /** Allowed for connecting and logging in, and on top of the ringing for Asterisk's answer; 5 s by default. */
  marginMs?: number;
}

/** One AMI message: keys lower-cased (AMI's are case-insensitive), the first value of a repeated key. */
export type AmiMessage = ReadonlyMap<string, string>;

/**
 * AMI's framing, fed with the socket's text as it comes: TCP splits messages anywhere. The first line
 * is the banner (« Asterisk Call Manager/8.0.0 »); then `Key: Value` lines, a blank line ending each
 * message. Bare LF is accepted as well as CRLF; lines without a colon (command output) are skipped.
 */
export function amiReader(handlers: { banner(line: string): void; message(message: AmiMessage): void }): (text: string) => void {
  let pending = "";
  let bannerSeen = false;
  let fields = new Map<string, string>();
  return (text) => {
    pending += text;
    let start = 0;
    for (let end = pending.indexOf("\n"); end !== -1; end = pending.indexOf("\n", start)) {
      const line = pending.slice(start, end).replace(/\r$/, "");
      start = end + 1;
      if (!bannerSeen) {
        bannerSeen = true;
        handlers.banner(line);
      } else if (line === "") {
        if (fields.size > 0) handlers.message(fields);
        fields = new Map();
      } else {
        const colon = line.indexOf(":");
        const key = line.slice(0, colon).trim().toLowerCase();
        if (colon > 0 && !fields.has(key)) fields.set(key, line.slice(colon + 1).trim());
      }
    }
    pending = pending.slice(start);
    // A line never ends: not AMI. Its text is dropped rather than held without limit.
    if (pending.length > 65_536) pending = "";
  };
}

const action = (fields: ReadonlyArray<readonly [string, string]>) => `${fields.map(([key, value]) => `${key}: ${value}`).join("\r\n")}\r\n\r\n`;

/** Reason of OriginateResponse: the last control frame seen on the first leg (Asterisk's frame.h). */
function outcomeOfReason(reason: string | undefined, extension: string, ringSeconds: number): DialOutcome {
  switch (reason) {
    case "4":
      return placed(`Votre poste ${extension} a décroché : le standard appelle le patient.`);
    case "3":
      return notPlaced(`Votre poste ${extension} n'a pas décroché (${ringSeconds} s) : l'appel est annulé.`);
    case "5":
      return notPlaced(`Poste ${extension} occupé : raccrochez puis réessayez.`);
    case "1":
      return notPlaced(`Votre poste ${extension} a refusé ou raccroché l'appel.`);
    case "8":
      return notPlaced("Standard encombré : réessayez dans un instant.");
    case "0":
      return notPlaced(`Poste ${extension} introuvable ou non enregistré sur le standard (téléphone éteint ou débranché ?).`);
    default:
      return notPlaced(`Le standard n'a pas pu appeler votre poste ${extension}${reason ? ` (code ${reason})` : ""}.`);
  }
}

// What goes into a header must stay on its line: a CR or LF would add a header of its own.
const SAFE_EXTENSION = /^[A-Za-z0-9_.@+-]{1,64}$/;

/**
 * Asterisk's Manager Interface (TCP, plain text): one connection per dial — connect, read the banner,
 * `Login` (with call events: Asterisk's answer on the call is one), `Originate` asynchronous, then wait
 * for `OriginateResponse` carrying our ActionID, `Logoff`. The answer comes once the secretary's phone
 * answered or gave up, so a dial lasts up to the ringing time.
 */
export function asteriskAmiDialer(settings: AsteriskAmiSettings, clock: Clock, options: DialerOptions = {}): Dialer {
  const log = options.log ?? (() => {});
  const ringTimeoutMs = settings.ringTimeoutMs ?? 30_000;
  const marginMs = settings.marginMs ?? 5_000;
  const sockets = new Set<Socket>();
  let closed = false;

  function dialOnce(extension: string, number: string, reference: string): Promise<DialOutcome> {
    return new Promise((resolve) => {
      const id = randomUUID();
      const loginId = `telesec-${id}-login`;
      const originateId = `telesec-${id}-originate`;
      // Until Originate is sent, a failure means no call; after it, the phone may be ringing all the same.
      let originateSent = false;
      let done = false;
      const socket = connect({ host: settings.host, port: settings.port });
      sockets.add(socket);
      socket.setEncoding("utf8");

      const unanswered = () =>
        originateSent
          ? notPlaced(`Le standard n'a pas confirmé l'appel : votre poste ${extension} sonne peut-être, sinon composez le numéro vous-même.`)
          : notPlaced("Le standard ne répond pas : composez le numéro vous-même.");
      const cut = () =>
        originateSent
          ? notPlaced(`La liaison avec le standard a été coupée : votre poste ${extension} sonne peut-être, sinon composez le numéro vous-même.`)
          : notPlaced("Le standard a coupé la liaison : composez le numéro vous-même.");

      let cancelTimer = clock.setTimer(() => {
        log(`Composition (Asterisk) : ${settings.host}:${settings.port} ne répond pas à temps.`);
        finish(unanswered());
      }, marginMs);

      function finish(outcome: DialOutcome, logOff = false): void {
        if (done) return;
        done = true;
        cancelTimer();
        sockets.delete(socket);
        if (logOff && socket.writable) {
          // Logoff politely; Asterisk then closes. A server that does not is cut off after the margin.
          socket.end(action([["Action", "Logoff"]]));
          const cancelCut = clock.setTimer(() => socket.destroy(), marginMs);
          socket.once("close", cancelCut);
        } else {
          socket.destroy();
        }
        resolve(outcome);
      }

      const read = amiReader({
        banner(line) {
          if (!/call manager/i.test(line)) {
            log(`Composition (Asterisk) : ${settings.host}:${settings.port} n'est pas une interface AMI.`);
            return finish(notPlaced("Le standard ne parle pas le langage attendu (AMI d'Asterisk) : prévenez l'administrateur."));
          }
          socket.write(
            action([
              ["Action", "Login"],
              ["ActionID", loginId],
              ["Username", settings.username],
              ["Secret", settings.secret],
              ["Events", "call"],
            ]),
          );
        },
        message(message) {
          const actionId = message.get("actionid");
          if (actionId === loginId) {
            if (message.get("response")?.toLowerCase() !== "success") {
              log(`Composition (Asterisk) : identifiants AMI refusés par ${settings.host}:${settings.port}.`);
              return finish(notPlaced("Identifiants du standard refusés : prévenez l'administrateur."));
            }
            cancelTimer();
            cancelTimer = clock.setTimer(() => finish(unanswered(), true), ringTimeoutMs + marginMs);
            originateSent = true;
            socket.write(
              action([
                ["Action", "Originate"],
                ["ActionID", originateId],
                ["Channel", settings.channelTemplate.replaceAll("{extension}", extension)],
                ["Context", settings.context],
                ["Exten", number],
                ["Priority", "1"],
                ["CallerID", settings.callerId.replaceAll("{extension}", extension)],
                ["Timeout", String(ringTimeoutMs)],
                ["Variable", `TELESEC_REFERENCE=${reference}`],
                ["Async", "true"],
              ]),
            );
          } else if (actionId === originateId) {
            if (message.get("event")?.toLowerCase() === "originateresponse") {
              return finish(outcomeOfReason(message.get("reason"), extension, Math.round(ringTimeoutMs / 1000)), true);
            }
            // The immediate answer: queued (then wait for the event), or refused.
            if (!message.has("event") && message.get("response")?.toLowerCase() !== "success") {
              log("Composition (Asterisk) : Originate refusé (droits « originate » de l'utilisateur AMI, canal ou contexte ?).");
              return finish(notPlaced("Le standard a refusé l'appel : prévenez l'administrateur."), true);
            }
          }
        },
      });
      socket.on("data", read);
      socket.on("error", (error: NodeJS.ErrnoException) => {
        if (originateSent) return finish(cut());
        log(`Composition (Asterisk) : ${settings.host}:${settings.port} injoignable (${error.code ?? error.message}).`);
        finish(unanswered());
      });
      socket.on("close", () => finish(cut()));
    });
  }

  return {
    name: "Asterisk",
    async dial(request) {
      if (closed) return notPlaced("Composition arrêtée : le serveur s'arrête.");
      if (!SAFE_EXTENSION.test(request.extension)) return notPlaced("Numéro de poste invalide dans votre profil : prévenez l'administrateur.");
      const number = dialableNumber(request.number);
      if (number === null) return notPlaced("Numéro du patient invalide : il ne peut pas être composé.");
      return dialOnce(request.extension, number, request.reference.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64));
    },
    async close() {
      closed = true;
      for (const socket of sockets) socket.destroy();
    },
  };
}
