import { create } from "zustand";

/** What fills the screen under the call bar: the three panes of the calls, or an agency screen. */
export type Screen = "calls" | "administration" | "reports" | "statistics";

export interface ScreenState {
  screen: Screen;
}

export const initialScreenState: ScreenState = { screen: "calls" };

export const useScreenStore = create<ScreenState>()(() => initialScreenState);

export const screenActions = {
  shown: (screen: Screen) => useScreenStore.setState({ screen }),
};
