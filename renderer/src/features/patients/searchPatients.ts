import { describeError, telesec } from "../../services/telesec";
import { patientSearchActions, usePatientSearchStore } from "../../stores/patientSearchStore";

/** Searches the open practice's patients; blank text clears the results rather than listing everyone. */
export async function searchPatients(practiceId: string, text: string): Promise<void> {
  const query = text.trim();
  if (query === "") {
    patientSearchActions.cleared();
    return;
  }
  patientSearchActions.searched(query);
  try {
    patientSearchActions.received(query, await telesec.searchPatients(practiceId, query));
  } catch (error) {
    patientSearchActions.requestFailed(query, describeError(error));
  }
}

/**
 * The search on screen run again, in place, when sync brings patients (one created on another workstation
 * while the secretary looks for them): the list follows without a loading blink and without a keystroke.
 */
export async function refreshPatientSearch(practiceId: string): Promise<void> {
  const { query } = usePatientSearchStore.getState();
  if (query === "") return;
  try {
    patientSearchActions.received(query, await telesec.searchPatients(practiceId, query));
  } catch {
    // What is on screen stays; the next change read will try again.
  }
}
