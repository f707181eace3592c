/**
 * What the portal says of the last thing asked: a refusal (read at once: an alert) or what was done (read
 * politely: a status). Either may be absent.
 */
export function Said({ error = null, notice = null }: { error?: string | null; notice?: string | null }) {
  return (
    <>
      {error && (
        <p className="portal-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="portal-notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
