interface SubmissionNoticesProps {
  /** While the form is being sent, said as a status; nothing when the form says nothing meanwhile. */
  busy?: { active: boolean; text: string };
  /** Why the last sending failed, as an alert; null when it did not. */
  failure: string | null;
}

/** What a form says about its sending: "Vérification…" while it goes, then why it failed, if it did. */
export function SubmissionNotices({ busy, failure }: SubmissionNoticesProps) {
  return (
    <>
      {busy?.active && (
        <p className="muted" role="status">
          {busy.text}
        </p>
      )}
      {failure !== null && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
