import { selectSignedInUser } from "../../stores/syncSelectors";
import { useScreenStore, type Screen } from "../../stores/screenStore";
import { useSyncStore } from "../../stores/syncStore";
import { screensFor } from "./roleScreens";

/** The screen to show: the one chosen if the signed-in role may open it, the calls otherwise (signed out, another account). */
export function useShownScreen(): Screen {
  const screen = useScreenStore((state) => state.screen);
  const user = useSyncStore(selectSignedInUser);
  if (screen === "calls" || !user) return "calls";
  return screensFor(user.role).includes(screen) ? screen : "calls";
}
