import type { PatientView } from "../../../../shared/api/views";
import { identifiedPatient } from "../../stores/callLine";
import { useCallLineStore } from "../../stores/callLineStore";
import { selectCallerPatients } from "../../stores/callSelectors";
import { useCallStore } from "../../stores/callStore";

/** The patient the current call is about: the one chosen or created, or the caller's number's single match. */
export function useIdentifiedPatient(): PatientView | null {
  const call = useCallLineStore((state) => state.current);
  const matches = useCallStore(selectCallerPatients);
  return identifiedPatient(call, matches);
}
