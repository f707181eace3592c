import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message, headers and body, as the relay received it. */
  raw: string;
}

/**
 * A real SMTP server on the loopback (the `smtp-server` package), for tests: it keeps what it receives.
 * `refuseNext(n)`: the next n messages are answered 451 (a relay's temporary failure), as a busy relay does.
 */
export async function startSmtpReceiver() {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let hold: (() => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (hold) {
          // Received whole but never answered: the sender is still waiting for the relay's acceptance.
          hold();
          hold = null;
          return;
        }
        if (refusals > 0) {
          refusals--;
          const error = Object.assign(new Error("Relais occupé, réessayez plus tard"), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    refuseNext(count: number) {
      refusals = count;
    },
    /** The next message is received but never accepted (no answer to its DATA): resolves once it is held. */
    holdNext(): Promise<void> {
      return new Promise<void>((resolve) => {
        hold = resolve;
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
