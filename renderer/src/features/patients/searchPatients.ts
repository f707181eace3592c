import { describeError, telesec } from "../../services/telesec";
import { patientSearchActions } from "../../stores/patientSearchStore";

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
