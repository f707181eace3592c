import type { ErrorBody } from "../../shared/api/wire";

/**
 * An answer a route or hook chooses to give instead of a result: thrown anywhere, sent by the
 * error handler as `{error:{code, message}}` with its status. The message is French, for people.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const errorBodyOf = (code: string, message: string): ErrorBody => ({ error: { code, message } });
