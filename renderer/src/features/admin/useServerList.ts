import { useCallback, useEffect, useState } from "react";
import { describeError } from "../../services/telesec";
import type { Loadable } from "../../stores/loadable";

/** A list asked of the server when the screen opens, and again on `reload` (after a change). */
export function useServerList<T>(load: () => Promise<T>): { list: Loadable<T>; reload: () => Promise<void> } {
  const [list, setList] = useState<Loadable<T>>({ status: "loading" });
  const reload = useCallback(async () => {
    try {
      setList({ status: "ready", value: await load() });
    } catch (error) {
      setList({ status: "failed", message: describeError(error) });
    }
    // The loader is fixed for the screen's life.
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { list, reload };
}
