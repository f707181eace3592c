import type { PatientView, PracticeCard } from "../../../shared/api/views";
import type { CallState } from "./callStore";

const NO_PATIENTS: PatientView[] = [];

/** The practice of the call on screen, once found. */
export function selectOpenPractice(state: CallState): PracticeCard | null {
  return state.practice.status === "ready" ? state.practice.value : null;
}

/** True once the lookup has answered that no practice uses the dialled number. */
export function selectNoPracticeForNumber(state: CallState): boolean {
  return state.practice.status === "ready" && state.practice.value === null;
}

export function selectPractitionerIds(state: CallState): string[] {
  return selectOpenPractice(state)?.practitioners.map((practitioner) => practitioner.id) ?? [];
}

export function selectCallerPatients(state: CallState): PatientView[] {
  return state.callerPatients.status === "ready" ? state.callerPatients.value : NO_PATIENTS;
}

/** Unknown only once the lookup has answered: while it runs, the caller is not yet "unknown". */
export function selectIsUnknownCaller(state: CallState): boolean {
  return state.callerPatients.status === "ready" && state.callerPatients.value.length === 0;
}
