import type { PracticeCard } from "../../../../shared/api/views";

/** Where the practice is and how to get in: callers often ask before their first visit. */
export function PracticeAddress({ practice }: { practice: PracticeCard }) {
  const { street, postalCode, city } = practice.address;
  return (
    <div className="card-block">
      <h3>Adresse et accès</h3>
      <address>
        {street}
        <br />
        {postalCode} {city}
      </address>
      {practice.accessNotes.trim() !== "" && <p className="access-notes">{practice.accessNotes}</p>}
    </div>
  );
}
