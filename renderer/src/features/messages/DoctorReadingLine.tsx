import type { DoctorReading } from "../../../../shared/domain/doctorReading";
import { formatInstantDateTime } from "../../format/dates";

/** « le Dr Perrot », « Mme Roux »: a doctor's or professor's title takes the article in French. */
const withArticle = (name: string) => (/^(Dr|Pr)\b/.test(name) ? `le ${name}` : name);

/**
 * What the doctor did with the message on the portal: « Lu par le Dr Camille Perrot le 23/11/2026 à 14:32 »,
 * then « Traité … » with their reply. Nothing until the doctor opens it.
 */
export function DoctorReadingLine({ reading }: { reading: DoctorReading | null }) {
  if (!reading) return null;
  const who = withArticle(reading.readBy);
  return (
    <div className="message__reading">
      <p>
        Lu par {who} le {formatInstantDateTime(reading.readAt)}
        {reading.treatedAt !== null && <> — traité le {formatInstantDateTime(reading.treatedAt)}</>}
      </p>
      {reading.reply !== null && (
        <blockquote className="message__reply" aria-label={`Réponse de ${reading.readBy}`}>
          {reading.reply}
        </blockquote>
      )}
    </div>
  );
}
