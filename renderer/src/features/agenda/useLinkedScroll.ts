import { useEffect, type RefObject } from "react";

/** FullCalendar's vertical scroller of a time grid (the hours), inside one practitioner's column. */
const HOURS_SCROLLER = ".fc-scrollgrid-section-liquid .fc-scroller";

/**
 * The practitioners' columns of the "cabinet" view scroll as one: scrolling one moves the others to the
 * same hour, so 13 h is never beside 08 h. Scroll events do not bubble: they are caught on the way down.
 */
export function useLinkedScroll(container: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const root = container.current;
    if (!active || !root) return;
    let following = false;
    function onScroll(event: Event): void {
      const source = event.target;
      if (following || !(source instanceof HTMLElement) || !source.matches(HOURS_SCROLLER)) return;
      following = true;
      for (const other of root!.querySelectorAll<HTMLElement>(HOURS_SCROLLER)) {
        if (other !== source && other.scrollTop !== source.scrollTop) other.scrollTop = source.scrollTop;
      }
      // The others' own scroll events come after this one: let them pass before listening again.
      requestAnimationFrame(() => {
        following = false;
      });
    }
    root.addEventListener("scroll", onScroll, true);
    return () => root.removeEventListener("scroll", onScroll, true);
  }, [container, active]);
}
