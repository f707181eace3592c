import { useEffect, useState } from "react";
import type { PendingChangeView } from "../../../../shared/api/contract";
import { formatInstantDate, formatInstantTime } from "../../format/dates";
import { telesec } from "../../services/telesec";
import { changeSubjectLine } from "./changeSubject";
import { describeMutation } from "./describeMutation";

/** The changes waiting for the server while `wanted`, read again whenever their count changes; none when the core cannot say. */
export function usePendingChanges(wanted: boolean, pendingCount: number): PendingChangeView[] {
  const [changes, setChanges] = useState<PendingChangeView[]>([]);
  useEffect(() => {
    let current = true;
    if (!wanted) {
      setChanges([]);
      return;
    }
    telesec
      .listPendingChanges()
      .then((found) => {
        if (current) setChanges(found);
      })
      // The count is still said beside it; the list only details it.
      .catch(() => {
        if (current) setChanges([]);
      });
    return () => {
      current = false;
    };
  }, [wanted, pendingCount]);
  return changes;
}

/** Each unsent change in one line: what, for whom, made when; so that losing them is a decision made knowingly. */
export function PendingChangeList({ changes, label }: { changes: PendingChangeView[]; label: string }) {
  return (
    // Scrolls when long (a day offline): reachable by Tab so the keyboard can scroll it too.
    <ul className="pending-changes" aria-label={label} tabIndex={0}>
      {changes.map((change) => {
        const subject = changeSubjectLine(change.subject);
        return (
          <li key={change.seq}>
            <span className="pending-changes__what">{describeMutation(change.name, change.args)}</span>
            {subject && <span className="pending-changes__subject">{` — ${subject}`}</span>}
            <span className="pending-changes__when">{` (faite le ${formatInstantDate(change.madeAt)} à ${formatInstantTime(change.madeAt)})`}</span>
          </li>
        );
      })}
    </ul>
  );
}
