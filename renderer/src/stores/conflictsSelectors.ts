import type { ConflictView } from "../../../shared/api/contract";
import type { ConflictsState } from "./conflictsStore";
import { valueOr } from "./loadable";

const NO_CONFLICTS: ConflictView[] = [];

/** In the order the secretary made the requests, so the inbox reads like her day. */
export function selectConflictsInRequestOrder(state: ConflictsState): ConflictView[] {
  const conflicts = valueOr(state.conflicts, NO_CONFLICTS);
  return conflicts.length === 0 ? NO_CONFLICTS : [...conflicts].sort((a, b) => a.seq - b.seq);
}
