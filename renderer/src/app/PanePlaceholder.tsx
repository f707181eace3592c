/** A pane with nothing to show yet: its title and one sentence saying why. */
export function PanePlaceholder({ title, message, titleId }: { title: string; message: string; titleId?: string }) {
  return (
    <>
      <header className="pane__header">
        <h2 id={titleId} tabIndex={titleId ? -1 : undefined}>
          {title}
        </h2>
      </header>
      <p className="pane__placeholder">{message}</p>
    </>
  );
}
