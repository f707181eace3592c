import type { ConflictView } from "../../../../shared/api/contract";
import { formatInstantDate, formatInstantTime } from "../../format/dates";
import { NBSP } from "../../format/typography";
import { changeSubjectLine } from "./changeSubject";
import { describeMutation } from "./describeMutation";
import { typedDetails } from "./typedDetails";

interface ConflictItemProps {
  conflict: ConflictView;
  clearing: boolean;
  onMarkHandled: (id: string) => void;
}

/** One refused request: what was asked, for whom (and the number to call back), what was typed, why the server said no, and when. */
export function ConflictItem({ conflict, clearing, onMarkHandled }: ConflictItemProps) {
  const description = describeMutation(conflict.name, conflict.args);
  const subject = changeSubjectLine(conflict.subject);

  return (
    <li className="conflict">
      <p className="conflict__request">{description}</p>
      {subject && <p className="conflict__subject">{subject}</p>}
      {typedDetails(conflict.args).map((line) => (
        <p key={line} className="conflict__typed">
          {line}
        </p>
      ))}
      <p className="conflict__reason">
        Motif du refus&nbsp;: <span>{conflict.errorMessage}</span>
      </p>
      <p className="conflict__when">
        Refusé le {formatInstantDate(conflict.rejectedAt)} à {formatInstantTime(conflict.rejectedAt)}
      </p>
      <button
        type="button"
        className="button conflict__handled"
        aria-label={`Marquer comme traité${NBSP}: ${description}`}
        aria-disabled={clearing}
        onClick={() => {
          if (!clearing) onMarkHandled(conflict.id);
        }}
      >
        Marquer comme traité
      </button>
    </li>
  );
}
