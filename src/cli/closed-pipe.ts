/**
 * A reader that stops early (`dmap simulate --help | head -1`) closes its end of the
 * pipe, and the next write fails with EPIPE. Unix tools stop quietly then, with status
 * 0: so does dmap, for stdout and stderr alike, instead of dying on an unhandled
 * 'error' event with a stack trace. Any other write error is still raised.
 */
export function endQuietlyWhenPipeCloses(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
}
