import { describe, expect, it } from "vitest";
import { logInThroughUi } from "../support/browserSession";
import { ringDemoAgent, useE2eWorld } from "../support/e2eWorld";

/**
 * Issue 15: the agenda's day is drawn in the pop's first frame as a sketch (AgendaSketch.tsx) and built
 * as a FullCalendar grid right after. The secretary must not see it move: each appointment of the
 * sketch is where the grid then draws it, and the pane around the grid stays put while the free slots
 * and the waitlist arrive.
 */
const world = useE2eWorld("first-paint", ["secretaire"]);

type Box = [text: string, x: number, y: number, width: number, height: number];

/** Runs in Chromium before the call: notes the sketch as first drawn (plain JavaScript, no DOM types here). */
const SKETCH_WATCHER = `(() => {
  const box = (element) => { const r = element.getBoundingClientRect(); return [element.textContent, r.x, r.y, r.width, r.height]; };
  window.__sketch = null;
  const observer = new MutationObserver(() => {
    const events = [...document.querySelectorAll('section[aria-label="Agenda"] .agenda-sketch .appointment')];
    if (events.length === 0) return;
    observer.disconnect();
    window.__sketch = {
      events: events.map(box),
      busy: [...document.querySelectorAll(".agenda-sketch")].every((sketch) => sketch.getAttribute("aria-busy") === "true"),
      grids: document.querySelectorAll('section[aria-label="Agenda"] [role="table"]').length,
      columns: [...document.querySelectorAll(".agenda-columns__column")].map(box),
    };
  });
  observer.observe(document.body, { subtree: true, childList: true });
})()`;

const GRID_BOXES = `[...document.querySelectorAll('section[aria-label="Agenda"] .appointment')].map((element) => {
  const r = element.getBoundingClientRect();
  return [element.textContent, r.x, r.y, r.width, r.height];
})`;

const COLUMN_BOXES = `[...document.querySelectorAll(".agenda-columns__column")].map((element) => {
  const r = element.getBoundingClientRect();
  return [element.getAttribute("aria-label"), r.x, r.y, r.width, r.height];
})`;

/** FullCalendar writes its time range with narrow no-break spaces; the sketch with plain ones. */
const sameText = (box: Box): Box => [box[0].replace(/\s+/gu, " "), box[1], box[2], box[3], box[4]];

function expectSamePlace(sketch: Box, grid: Box): void {
  for (let i = 1; i < 5; i++) expect(Math.abs((sketch[i] as number) - (grid[i] as number)), `${grid[0]} : ${JSON.stringify(sketch)} / ${JSON.stringify(grid)}`).toBeLessThanOrEqual(2);
}

describe("the agenda of a popped call", () => {
  it("is drawn first as a sketch where the grid then draws each appointment, and the grid replaces it", async () => {
    const page = await logInThroughUi(world().browser, world().harnesses.secretaire!.url, "secretaire");
    await page.evaluate(SKETCH_WATCHER);
    await ringDemoAgent(world(), "secretaire", "e2e-first-paint-1");

    const agenda = page.getByRole("region", { name: "Agenda" });
    await expect.poll(() => agenda.getByRole("table").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => agenda.locator(".agenda-sketch").count()).toBe(0);
    // The free slots and the waitlist come after the pop's frame: let them arrive before comparing.
    await expect.poll(() => agenda.getByRole("list", { name: "Prochains créneaux libres" }).count(), { timeout: 10_000 }).toBe(1);

    const sketch = (await page.evaluate("window.__sketch")) as { events: Box[]; busy: boolean; grids: number; columns: Box[] } | null;
    expect(sketch, "l'esquisse n'a jamais été affichée").not.toBeNull();
    expect(sketch!.busy).toBe(true);
    // The sketch is the first frame: no FullCalendar grid yet.
    expect(sketch!.grids).toBe(0);

    const grid = ((await page.evaluate(GRID_BOXES)) as Box[]).map(sameText);
    const sketched = sketch!.events.map(sameText);
    expect(grid.length).toBeGreaterThan(3);
    expect(sketched.map((box) => box[0]).sort()).toEqual(grid.map((box) => box[0]).sort());
    for (const drawn of grid) expectSamePlace(sketched.find((box) => box[0] === drawn[0])!, drawn);

    const columns = (await page.evaluate(COLUMN_BOXES)) as Box[];
    expect(columns).toHaveLength(sketch!.columns.length);
    columns.forEach((column, index) => expectSamePlace([column[0], ...sketch!.columns[index]!.slice(1)] as Box, column));
  });

  it("sketches one practitioner's day in the day view too, under the same title the grid then shows", async () => {
    const page = (await world().browser.contexts()[0]!.pages())[0]!;
    const agenda = page.getByRole("region", { name: "Agenda" });
    await agenda.getByRole("button", { name: "Jour", exact: true }).click();
    const practitioner = agenda.getByLabel("Praticien affiché");
    await practitioner.selectOption({ index: 1 });
    await expect.poll(() => agenda.getByRole("table").count(), { timeout: 10_000 }).toBe(1);

    // Another day: a new grid, so its sketch first. The demo agenda has appointments on weekdays.
    for (let tries = 0; tries < 7; tries++) {
      await page.evaluate(SKETCH_WATCHER);
      await agenda.getByRole("button", { name: "Jour suivant" }).click();
      await expect.poll(() => agenda.getByRole("table").count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => agenda.locator(".agenda-sketch").count()).toBe(0);
      if ((await agenda.locator(".appointment").count()) > 0) break;
    }
    const sketch = (await page.evaluate("window.__sketch")) as { events: Box[] } | null;
    expect(sketch, "l'esquisse n'a jamais été affichée").not.toBeNull();
    const grid = ((await page.evaluate(GRID_BOXES)) as Box[]).map(sameText);
    expect(grid.length).toBeGreaterThan(0);
    const sketched = sketch!.events.map(sameText);
    expect(sketched.map((box) => box[0]).sort()).toEqual(grid.map((box) => box[0]).sort());
    for (const drawn of grid) expectSamePlace(sketched.find((box) => box[0] === drawn[0])!, drawn);
    // The grid's title is the sketch's: the day, written out.
    expect(await agenda.locator('[role="columnheader"] [aria-hidden="true"]').textContent()).toMatch(/^\p{L}+ \d{1,2} \p{L}+ \d{4}$/u);
  });
});
