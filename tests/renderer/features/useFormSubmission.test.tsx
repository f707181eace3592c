import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useFormSubmission } from "../../../renderer/src/app/useFormSubmission";
import { TelesecError } from "../../../shared/api/rpcProtocol";

/** A promise the test settles by hand: the order of events is the test's, not the machine's. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("useFormSubmission", () => {
  it("sends once at a time: a second submit while the first goes does nothing, and saving says so meanwhile", async () => {
    const { result } = renderHook(() => useFormSubmission());
    const first = deferred();
    let calls = 0;
    let outcome: Promise<boolean>;
    act(() => {
      outcome = result.current.send(() => {
        calls += 1;
        return first.promise;
      });
    });
    expect(result.current.saving).toBe(true);
    let second: boolean | undefined;
    await act(async () => {
      second = await result.current.send(async () => {
        calls += 1;
      });
    });
    expect(second).toBe(false);
    expect(calls).toBe(1);
    await act(async () => {
      first.resolve();
      expect(await outcome!).toBe(true);
    });
    expect(result.current.saving).toBe(false);
    expect(result.current.failure).toBeNull();
  });

  it("keeps why it failed, in the core's French words after the form's prefix, and clears it at the next try", async () => {
    const { result } = renderHook(() => useFormSubmission());
    let sent: boolean | undefined;
    await act(async () => {
      sent = await result.current.send(() => Promise.reject(new TelesecError("unreachable", "Serveur injoignable")), "Le patient n'a pas pu être créé");
    });
    expect(sent).toBe(false);
    expect(result.current.failure).toBe("Le patient n'a pas pu être créé\u00A0: Serveur injoignable");
    expect(result.current.saving).toBe(false);

    const next = deferred();
    act(() => {
      void result.current.send(() => next.promise);
    });
    expect(result.current.failure).toBeNull();
    await act(async () => next.resolve());
  });

  it("shows a refusal the form found itself where a failure would be", () => {
    const { result } = renderHook(() => useFormSubmission());
    act(() => result.current.refuse("Cochez la case pour confirmer."));
    expect(result.current.failure).toBe("Cochez la case pour confirmer.");
    act(() => result.current.clearFailure());
    expect(result.current.failure).toBeNull();
  });
});
