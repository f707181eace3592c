/**
 * The last lines of a chatty output, to quote in an error message; the rest is dropped, so a
 * long-running process never grows it nor floods the terminal.
 */
export function keepLastLines(limit: number) {
  const lines: string[] = [];
  return {
    push(chunk: string): void {
      for (const line of chunk.split(/\r?\n/)) {
        if (line.trim() === "") continue;
        lines.push(line);
        if (lines.length > limit) lines.shift();
      }
    },
    text: (): string => lines.join("\n"),
    clear: (): void => {
      lines.length = 0;
    },
  };
}
