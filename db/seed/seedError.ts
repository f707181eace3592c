/** A refusal the person running the seed can act on: the CLI prints its message alone, no stack. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedError";
  }
}
