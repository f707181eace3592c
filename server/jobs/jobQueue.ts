import PgBoss from "pg-boss";
import type { Pool } from "pg";

/**
 * The server's job queues (pg-boss on the server's own pool, schema `pgboss`): a send queue, retried with
 * backoff, and a sweep queue, one sweep at a time across processes. The doctors' notices and the patients'
 * SMS each run one pair. The workers come after (`workSendAndSweep`), once what they call is ready.
 */
export async function startSendAndSweepQueues(
  pool: Pool,
  { label, log, send, sweep }: { label: string; log(line: string): void; send: Omit<PgBoss.Queue, "name"> & { name: string }; sweep: string },
): Promise<PgBoss> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: "pgboss" });
  boss.on("error", (error) => log(`${label} : erreur de la file de travaux (${error.name}).`));
  await boss.start();
  await boss.createQueue(send.name, send);
  // A queue made by an earlier version takes today's retries.
  await boss.updateQueue(send.name, send);
  await boss.createQueue(sweep, { name: sweep, policy: "singleton" });
  return boss;
}

/** Send jobs fetched together and worked side by side (each still in its own transaction). */
const SEND_BATCH = 16;

/**
 * Works the pair: each send job with its retry count, and a sweep at every minute. Send jobs come a batch
 * at a time; one that fails is failed alone (pg-boss retries it with its backoff) and the others complete.
 * A full batch fetches the next at once: pg-boss would otherwise wait its polling interval between batches,
 * which holds a burst of SMS to a few a second.
 */
export async function workSendAndSweep<Job extends object>(
  boss: PgBoss,
  { send, sweep }: { send: { name: string; handle(job: Job, retryCount: number): Promise<void> }; sweep: { name: string; run(): Promise<void> } },
): Promise<void> {
  let workerId: string | null = null;
  workerId = await boss.work<Job>(send.name, { pollingIntervalSeconds: 0.5, includeMetadata: true, batchSize: SEND_BATCH }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await send.handle(job.data, job.retryCount);
        } catch (error) {
          await boss.fail(send.name, job.id, { message: String((error as Error).message ?? error).slice(0, 300) });
        }
      }),
    );
    if (jobs.length === SEND_BATCH && workerId) boss.notifyWorker(workerId);
  });
  await boss.work(sweep.name, async () => sweep.run());
  await boss.schedule(sweep.name, "* * * * *");
}
