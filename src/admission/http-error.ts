/** An error with an HTTP status; its message is safe to show to the caller. */
export class HttpError extends Error {
  readonly status: 400 | 404 | 405 | 413 | 415 | 500 | 503;
  constructor(status: HttpError['status'], message: string) {
    super(message);
    this.status = status;
    this.name = 'HttpError';
  }
}
