/**
 * Reading a refused request's arguments without trusting their shape: they were valid when sent,
 * but the inbox must still show something if a later version reads an older record.
 */
export function textField(args: unknown, key: string): string | null {
  const value = fieldOf(args, key);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export function textListField(args: unknown, key: string): string[] {
  const value = fieldOf(args, key);
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

function fieldOf(args: unknown, key: string): unknown {
  return typeof args === "object" && args !== null ? (args as Record<string, unknown>)[key] : undefined;
}
