import { create } from "zustand";
import type { PatientView } from "../../../shared/api/views";
import { failed, idle, loading, ready, type Loadable } from "./loadable";

/** The patient search of the open practice: the text last sent and what it found. */
export interface PatientSearchState {
  query: string;
  results: Loadable<PatientView[]>;
}

export const initialPatientSearchState: PatientSearchState = { query: "", results: idle };

export const usePatientSearchStore = create<PatientSearchState>()(() => initialPatientSearchState);

/** Answers to an older query are dropped: the secretary kept typing and wants the latest one. */
function forQuery(query: string, change: Partial<PatientSearchState>): void {
  usePatientSearchStore.setState((state) => (state.query === query ? change : state));
}

export const patientSearchActions = {
  cleared: () => usePatientSearchStore.setState(initialPatientSearchState),
  searched: (query: string) => usePatientSearchStore.setState({ query, results: loading }),
  received: (query: string, patients: PatientView[]) => forQuery(query, { results: ready(patients) }),
  requestFailed: (query: string, message: string) => forQuery(query, { results: failed(message) }),
};
