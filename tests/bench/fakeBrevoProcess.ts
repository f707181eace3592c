import { startFakeBrevoApi } from "../support/fakeSmsApis";

/**
 * The local Brevo of `npm run bench -- reminders`, in a process of its own as the real one is on its own
 * machines: the server's thread is not the gateway's. Says its endpoint, then answers « count » with what it
 * received and how many receipts were answered (IPC).
 */
const hooks = { webhook: { url: process.env.BREVO_WEBHOOK_URL!, token: process.env.BREVO_WEBHOOK_TOKEN! } };
const brevo = await startFakeBrevoApi(process.env.BREVO_API_KEY!, hooks);
process.send!({ endpoint: brevo.endpoint });
process.on("message", (message) => {
  if (message === "count") process.send!({ sent: brevo.sent.length, receipts: brevo.receipts.answers.length, refused: brevo.receipts.answers.filter((status) => status !== 200).length });
  if (message === "stop") void brevo.receipts.settled().then(brevo.close).then(() => process.exit(0));
});
