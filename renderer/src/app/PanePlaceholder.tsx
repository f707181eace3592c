/** A pane with nothing to show yet: its title and one sentence saying why. */
export function PanePlaceholder({ title, message }: { title: string; message: string }) {
  return (
    <>
      <header className="pane__header">
        <h2>{title}</h2>
      </header>
      <p className="pane__placeholder">{message}</p>
    </>
  );
}
