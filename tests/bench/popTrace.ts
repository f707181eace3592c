import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

/**
 * The summary of one Chromium performance trace of a screen pop (`npm run bench -- screenpop --trace
 * FILE`): where the renderer's main thread spends the pop — by kind of work (script, style, layout,
 * paint, garbage collection) and, for script, by source (React, FullCalendar, the renderer's own
 * features…), read from V8's sampling profiler through the bundle's source map when the renderer was
 * built with one (`npx vite build --config renderer/vite.config.ts --sourcemap`).
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  cat?: string;
  args?: { name?: string; data?: ProfileData };
}

interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** The main-thread trace event names, by the kind of work they are (as DevTools' summary groups them). */
const KINDS: Record<string, string> = {
  FunctionCall: "script",
  EvaluateScript: "script",
  RunMicrotasks: "script",
  TimerFire: "script",
  EventDispatch: "script",
  FireAnimationFrame: "script",
  "v8.run": "script",
  "v8.compile": "script",
  "V8.Execute": "script",
  ParseHTML: "parse",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  PaintImage: "paint",
  Layerize: "paint",
  UpdateLayer: "paint",
  UpdateLayerTree: "paint",
  CompositeLayers: "paint",
  Commit: "paint",
  MinorGC: "gc",
  MajorGC: "gc",
  "V8.GCScavenger": "gc",
  "V8.GCFinalizeMC": "gc",
  "BlinkGC.AtomicPhase": "gc",
};

export interface PopTraceSummary {
  /** Milliseconds of the main thread's busy time, by kind of work (self time: nested events not counted twice). */
  byKind: Array<[kind: string, ms: number]>;
  /** Milliseconds of JavaScript self time by source, from the sampling profiler. */
  bySource: Array<[source: string, ms: number]>;
  /** The heaviest functions by self time. */
  byFunction: Array<[fn: string, ms: number]>;
  /** From the watcher armed (before the call is posted) to the frame painted, as the page marked them. */
  spanMs: number;
  /** Of which the main thread was busy. */
  busyMs: number;
}

/** The page's marks around the pop (the bench's watcher sets them). */
export const POP_MARKS = { armed: "telesec:armed", painted: "telesec:painted" } as const;

export function summarizePopTrace(events: TraceEvent[], renderedBundleDir: string): PopTraceSummary {
  const main = events.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  if (!main) throw new Error("Trace sans fil principal de rendu (CrRendererMain).");
  const markAt = (name: string) => {
    const mark = events.find((event) => event.name === name && event.cat?.includes("user_timing"));
    if (!mark) throw new Error(`Trace sans la marque ${name} : catégorie blink.user_timing absente ?`);
    return mark.ts;
  };
  const window = { from: markAt(POP_MARKS.armed), to: markAt(POP_MARKS.painted) };
  const onMain = events.filter(
    (event) => event.pid === main.pid && event.tid === main.tid && event.ph === "X" && event.dur !== undefined && event.ts >= window.from && event.ts < window.to,
  );
  const byKind = selfTimeByKind(onMain);
  const busyMs = byKind.reduce((sum, [, ms]) => sum + ms, 0);
  return { byKind, ...profileSelfTimes(events, main, window, renderedBundleDir), spanMs: (window.to - window.from) / 1000, busyMs };
}

/** Self time per kind: each event's duration less that of the events it contains (sorted by start, a stack). */
function selfTimeByKind(onMain: TraceEvent[]): Array<[string, number]> {
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  const stack: Array<{ event: TraceEvent; childTime: number }> = [];
  const close = (frame: { event: TraceEvent; childTime: number }) => {
    const kind = KINDS[frame.event.name] ?? "other";
    totals.set(kind, (totals.get(kind) ?? 0) + (frame.event.dur! - frame.childTime) / 1000);
  };
  for (const event of sorted) {
    while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts) close(stack.pop()!);
    if (stack.length > 0) stack.at(-1)!.childTime += event.dur!;
    stack.push({ event, childTime: 0 });
  }
  while (stack.length > 0) close(stack.pop()!);
  return top(totals, 12);
}

/** The main thread's CPU profile (samples and the time to the next one), attributed through the source map. */
function profileSelfTimes(events: TraceEvent[], main: TraceEvent, window: { from: number; to: number }, bundleDir: string): Pick<PopTraceSummary, "bySource" | "byFunction"> {
  const profile = events.find((event) => event.name === "Profile" && event.pid === main.pid && event.tid === main.tid);
  const chunks = events.filter((event) => event.name === "ProfileChunk" && event.pid === main.pid && (!profile || event.id === profile.id));
  const nodes = new Map<number, ProfileNode>();
  const samples: number[] = [];
  const times: number[] = [];
  let time = profile?.args?.data?.startTime ?? 0;
  for (const chunk of chunks) {
    for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    samples.push(...(chunk.args?.data?.cpuProfile?.samples ?? []));
    for (const delta of chunk.args?.data?.timeDeltas ?? []) times.push((time += delta));
  }
  const locate = sourceLocator(bundleDir);
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (let i = 0; i + 1 < samples.length; i++) {
    const node = nodes.get(samples[i]!);
    // A sample stands for the time until the next one.
    const ms = (times[i + 1]! - times[i]!) / 1000;
    if (!node || ms <= 0 || times[i]! < window.from || times[i]! >= window.to) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const where = url ? locate(url, lineNumber, columnNumber) : { source: functionName || "(natif)", name: functionName };
    bySource.set(where.source, (bySource.get(where.source) ?? 0) + ms);
    const fn = `${where.name || functionName || "(anonyme)"} — ${where.source}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { bySource: top(bySource, 15), byFunction: top(byFunction, 15) };
}

/** Maps a position of the built bundle to its package or renderer folder; the URL's file when there is no map. */
function sourceLocator(bundleDir: string): (url: string, line: number, column: number) => { source: string; name: string } {
  const consumers = new Map<string, SourceMapConsumer | null>();
  const consumerOf = (file: string) => {
    if (!consumers.has(file)) {
      const mapFile = join(bundleDir, "assets", `${file}.map`);
      consumers.set(file, existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, "utf8")) as RawSourceMap) : null);
    }
    return consumers.get(file)!;
  };
  return (url, line, column) => {
    const file = url.slice(url.lastIndexOf("/") + 1);
    const consumer = consumerOf(file);
    if (!consumer) return { source: file, name: "" };
    const original = consumer.originalPositionFor({ line: line + 1, column });
    return { source: original.source ? sourceGroup(original.source) : file, name: original.name ?? "" };
  };
}

/** "react-dom", "@fullcalendar/core", "renderer: features/agenda"… */
export function sourceGroup(source: string): string {
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope, name] = source.slice(modules + "node_modules/".length).split("/");
    return scope!.startsWith("@") ? `${scope}/${name}` : scope!;
  }
  const renderer = source.indexOf("renderer/src/");
  if (renderer >= 0) {
    const parts = source.slice(renderer + "renderer/src/".length).split("/");
    return `renderer: ${parts.length > 2 ? parts.slice(0, 2).join("/") : parts[0]}`;
  }
  const shared = source.indexOf("shared/");
  return shared >= 0 ? `shared: ${source.slice(shared + "shared/".length).split("/")[0]}` : source;
}

function top(totals: Map<string, number>, count: number): Array<[string, number]> {
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** Whether the built renderer has a source map beside its bundle. */
export function hasSourceMap(bundleDir: string): boolean {
  const assets = join(bundleDir, "assets");
  return existsSync(assets) && readdirSync(assets).some((file) => file.endsWith(".js.map"));
}
