import type { FastifyInstance } from "fastify";

/**
 * A server that stops finishes the requests under way, then lets their connections go. Node closes the
 * idle keep-alive connections when the server closes, but one still answering then stays open after its
 * answer until the keep-alive timeout (72 s in Fastify): a restart or a test waited that long. Answers
 * sent while closing say `Connection: close`, so each connection ends with its last answer.
 */
export function registerGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
}
