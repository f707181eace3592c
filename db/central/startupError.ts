/**
 * A reason the server, or a tool starting its database, cannot start: said in French, so the
 * command prints its message alone, without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "StartupError";
  }
}
