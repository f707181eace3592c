/** A value fetched from the core, in whichever stage the fetch is: every pane renders all four. */
export type Loadable<T> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "failed"; message: string };

export const idle = { status: "idle" } as const;
export const loading = { status: "loading" } as const;
export const ready = <T>(value: T): Loadable<T> => ({ status: "ready", value });
export const failed = (message: string): Loadable<never> => ({ status: "failed", message });

/** The value when ready, else the fallback: lets selectors stay total. */
export function valueOr<T>(loadable: Loadable<T>, fallback: T): T {
  return loadable.status === "ready" ? loadable.value : fallback;
}
