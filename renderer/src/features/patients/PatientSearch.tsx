import { useEffect, useState } from "react";
import { FOCUS_TARGETS } from "../../app/focusTargets";
import { shortcutKeys } from "../../app/shortcuts";
import { PatientSearchResults } from "./PatientSearchResults";
import { searchPatients } from "./searchPatients";
import { useDebouncedValue } from "./useDebouncedValue";

const SEARCH_DELAY_MS = 250;

/** Finds a patient of this practice by name, birth date or phone digits. */
export function PatientSearch({ practiceId }: { practiceId: string }) {
  const [text, setText] = useState("");
  const settledText = useDebouncedValue(text, SEARCH_DELAY_MS);

  useEffect(() => {
    void searchPatients(practiceId, settledText);
  }, [practiceId, settledText]);

  return (
    <div className="patient-search" role="search" aria-label="Recherche de patients">
      <label htmlFor={FOCUS_TARGETS.patientSearch}>Rechercher un patient</label>
      <input
        id={FOCUS_TARGETS.patientSearch}
        type="search"
        autoComplete="off"
        placeholder="Nom, date de naissance ou téléphone"
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-keyshortcuts={shortcutKeys("patientSearch")}
      />
      <PatientSearchResults />
    </div>
  );
}
