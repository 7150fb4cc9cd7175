/**
 * An error meant for the user: one sentence that names the file and what to do.
 * Generators let it propagate (Nx prints its message without a stack trace and
 * flushes nothing to disk); executors print it and return `{ success: false }`.
 */
export class ReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadyError';
  }
}

export function isReadyError(error: unknown): error is ReadyError {
  return error instanceof Error && error.name === 'ReadyError';
}

/** First line of an error's message, for wrapping a library's error in a sentence of ours. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim();
}
