/** What an administrator's action did, or why it failed. */
export interface Outcome {
  said: string;
  failed: boolean;
}

/** The outcome of the last action, said politely when done and at once when refused; nothing before any. */
export function OutcomeNotice({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p className={outcome.failed ? "notice notice--error" : "notice"} role={outcome.failed ? "alert" : "status"}>
      {outcome.said}
    </p>
  );
}
