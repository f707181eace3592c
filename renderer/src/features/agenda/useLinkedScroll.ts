import { useEffect, type RefObject } from "react";

/** One practitioner's column in the "cabinet" view. */
const COLUMN = ".agenda-columns__column";

/**
 * The element that scrolls a column's hours. FullCalendar 7 hashes its class names, so it is found by
 * what it does: the first element of the column that scrolls vertically.
 */
export function hoursScrollerOf(column: Element): HTMLElement | null {
  for (const element of column.querySelectorAll<HTMLElement>("*")) {
    const overflow = getComputedStyle(element).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && element.scrollHeight > element.clientHeight) return element;
  }
  return null;
}

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
      if (following || !(source instanceof HTMLElement)) return;
      const column = source.closest(COLUMN);
      if (!column || hoursScrollerOf(column) !== source) return;
      following = true;
      for (const other of root!.querySelectorAll(COLUMN)) {
        const scroller = other === column ? null : hoursScrollerOf(other);
        if (scroller && scroller.scrollTop !== source.scrollTop) scroller.scrollTop = source.scrollTop;
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
