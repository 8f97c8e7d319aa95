/** A Python exception the original script would raise at this point; callers report it like an uncaught traceback. */
export class PythonError extends Error {
  constructor(
    readonly pythonType: string,
    message: string,
  ) {
    super(message);
  }
}
