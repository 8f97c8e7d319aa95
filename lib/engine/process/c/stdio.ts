// Model of glibc stdio buffering for stdout and stderr: what reaches write(2), and when.
// Line-buffered = flush through the last newline of each piece; fully buffered = keep everything
// until fflush/exit; unbuffered = one write per printf call (glibc formats into a helper buffer)
// and one per piece for puts/fputs/putchar.

export type BufferMode = "full" | "line" | "none";
export type StreamName = "stdout" | "stderr";

/** glibc sizes the buffer from st_blksize: 4096 for pipes and files. */
export const STDIO_BUFFER_SIZE = 4096;

export class StdioLimitError extends Error {}

interface Stream {
  mode: BufferMode;
  buffer: string;
}

export interface StdioState {
  stdout: Stream;
  stderr: Stream;
}

export interface RawWrite {
  fd: 1 | 2;
  text: string;
}

export function initialStdio(stdoutIsTty: boolean): StdioState {
  return { stdout: { mode: stdoutIsTty ? "line" : "full", buffer: "" }, stderr: { mode: "none", buffer: "" } };
}

const FD: Record<StreamName, 1 | 2> = { stdout: 1, stderr: 2 };

/**
 * Appends output to a stream; returns the write(2) calls it causes, in order.
 * `wholeCall` marks printf-family calls, which glibc emits as one write on an unbuffered stream.
 */
export function streamOutput(
  state: StdioState,
  name: StreamName,
  pieces: readonly string[],
  wholeCall: boolean,
): RawWrite[] {
  const stream = state[name];
  const fd = FD[name];
  const writes: RawWrite[] = [];
  const emit = (text: string) => {
    if (text) writes.push({ fd, text });
  };
  if (stream.mode === "none") {
    if (wholeCall) emit(pieces.join(""));
    else pieces.forEach(emit);
    return writes;
  }
  for (const piece of pieces) {
    if (stream.mode === "line") {
      const lastNewline = piece.lastIndexOf("\n");
      if (lastNewline >= 0) {
        emit(stream.buffer + piece.slice(0, lastNewline + 1));
        stream.buffer = piece.slice(lastNewline + 1);
        continue;
      }
    }
    stream.buffer += piece;
    // When the buffer fills, glibc's exact split of the overflowing write depends on internals we
    // do not model; refusing keeps every answer we give exact.
    if (stream.buffer.length > STDIO_BUFFER_SIZE) {
      throw new StdioLimitError(
        `more than ${STDIO_BUFFER_SIZE} bytes are buffered in ${name}; the model stops at one stdio buffer`,
      );
    }
  }
  return writes;
}

export function flushStream(state: StdioState, name: StreamName): RawWrite[] {
  const stream = state[name];
  const text = stream.buffer;
  stream.buffer = "";
  return text ? [{ fd: FD[name], text }] : [];
}

/** exit() flushes every stream; glibc walks its list from stderr to stdout. */
export function flushAll(state: StdioState): RawWrite[] {
  return [...flushStream(state, "stderr"), ...flushStream(state, "stdout")];
}

/** Text lost when the image goes away without a flush (_exit, a successful exec, a crash). */
export function discardAll(state: StdioState): string {
  const lost = state.stderr.buffer + state.stdout.buffer;
  state.stdout.buffer = "";
  state.stderr.buffer = "";
  return lost;
}

export function setMode(state: StdioState, name: StreamName, mode: BufferMode): void {
  state[name].mode = mode;
}

export function cloneStdio(state: StdioState): StdioState {
  return { stdout: { ...state.stdout }, stderr: { ...state.stderr } };
}
