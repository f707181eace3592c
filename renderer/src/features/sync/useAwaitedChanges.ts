import { useEffect } from "react";
import { useSyncStore } from "../../stores/syncStore";
import { checkAwaitedChanges } from "./awaitedChanges";

/** Each sync announcement may settle appointment changes made here: their fate is checked then. */
export function useAwaitedChanges(): void {
  useEffect(
    () =>
      useSyncStore.subscribe((state, previous) => {
        if (state.status !== previous.status) void checkAwaitedChanges();
      }),
    [],
  );
}
