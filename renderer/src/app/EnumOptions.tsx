/** The `<option>`s of a `<select>` over a fixed list of values, each shown by its French label. */
export function EnumOptions<V extends string>({ values, labels }: { values: readonly V[]; labels: Record<V, string> }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labels[value]}
        </option>
      ))}
    </>
  );
}
