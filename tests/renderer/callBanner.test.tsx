import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CallBanner } from "../../renderer/src/features/call/CallBanner";
import { callFromTelephony } from "../../renderer/src/stores/callLine";
import { useCallLineStore } from "../../renderer/src/stores/callLineStore";
import { installFakeBridge } from "./fakeBridge";
import { HELENE_PHONE, IDS, TILLEULS_NUMBER } from "./fixtures";

const START = "2026-11-23T09:00:00.000Z";
const ringing = callFromTelephony({
  event: "ringing",
  callId: "a0000000-0000-4000-8000-000000000001",
  externalCallId: "pbx-1",
  dialledNumber: TILLEULS_NUMBER,
  callerNumber: HELENE_PHONE,
  practiceId: IDS.tilleuls,
  at: START,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("call banner", () => {
  it("is absent without a call", () => {
    installFakeBridge();
    render(<CallBanner />);
    expect(screen.queryByRole("region", { name: "Appel en cours" })).not.toBeInTheDocument();
  });

  it("counts the call's time every second, in minutes and seconds, and stops when the line is hung up", () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    vi.setSystemTime(new Date(Date.parse(START) + 5_000));
    installFakeBridge();
    useCallLineStore.setState({ current: ringing, waiting: [] });
    render(<CallBanner />);

    const timer = screen.getByRole("timer", { name: "Durée de l'appel" });
    expect(timer).toHaveTextContent("00:05");
    act(() => vi.advanceTimersByTime(60_000));
    expect(timer).toHaveTextContent("01:05");
    expect(screen.getByText("06 12 34 56 78")).toBeInTheDocument();
    expect(screen.getByText("Appelant inconnu")).toBeInTheDocument();

    act(() => useCallLineStore.setState({ current: { ...ringing, endedAt: new Date(Date.parse(START) + 90_000).toISOString() } }));
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole("timer", { name: "Durée de l'appel" })).toHaveTextContent("01:30");
    expect(screen.getByText("Appel terminé : issue à saisir")).toBeInTheDocument();
  });
});
