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

/** Works the pair: each send job with its retry count, and a sweep at every minute. */
export async function workSendAndSweep<Job extends object>(
  boss: PgBoss,
  { send, sweep }: { send: { name: string; handle(job: Job, retryCount: number): Promise<void> }; sweep: { name: string; run(): Promise<void> } },
): Promise<void> {
  await boss.work<Job>(send.name, { pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
    if (job) await send.handle(job.data, job.retryCount);
  });
  await boss.work(sweep.name, async () => sweep.run());
  await boss.schedule(sweep.name, "* * * * *");
}
