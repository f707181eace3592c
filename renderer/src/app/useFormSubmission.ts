import { useRef, useState } from "react";
import { NBSP } from "../format/typography";
import { describeError } from "../services/telesec";

/**
 * The one way a form sends what it holds: once at a time (a second Enter while it goes does nothing),
 * `saving` meanwhile for the buttons and `aria-busy`, and why it failed, in the core's French words,
 * after the form's own prefix (« Le patient n'a pas pu être créé : … »). Checking the fields stays
 * the form's, before it sends.
 */
export function useFormSubmission() {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sending = useRef(false);

  /** Runs `work`; true when it succeeded. A failure is kept for the form to show, never thrown. */
  async function send(work: () => Promise<unknown>, failurePrefix?: string): Promise<boolean> {
    if (sending.current) return false;
    sending.current = true;
    setSaving(true);
    setFailure(null);
    try {
      await work();
      return true;
    } catch (error) {
      setFailure(failurePrefix === undefined ? describeError(error) : `${failurePrefix}${NBSP}: ${describeError(error)}`);
      return false;
    } finally {
      sending.current = false;
      setSaving(false);
    }
  }

  return {
    saving,
    failure,
    send,
    /** A refusal the form found itself (a check before sending), shown where a failure would be. */
    refuse: (message: string) => setFailure(message),
    clearFailure: () => setFailure(null),
  };
}
