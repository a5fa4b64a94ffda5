/**
 * `nightshift list ws | head`: once the reader has what it wants it closes the pipe, and the next write
 * fails with EPIPE. That is the reader's choice, not a failure of ours: stop at once and quietly, with
 * no stack trace, as command-line tools do. Any other write error still surfaces.
 */
export function stopQuietlyWhenReaderCloses(...streams: NodeJS.WriteStream[]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
      throw error;
    });
  }
}
