import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where an export's text goes; `write` resolves once the destination can take more. */
export interface ExportSink {
  write(chunk: string): Promise<void>;
}

/**
 * Writes to a stream with backpressure: when the stream's buffer is full, waits for 'drain' before the
 * next page is read from the database. A destination that goes away (the browser cancels the download)
 * rejects, which ends the export before it is recorded as complete.
 */
export function streamSink(stream: Writable): ExportSink {
  return {
    async write(chunk) {
      if (stream.destroyed || stream.writableEnded) throw new Error('The export destination closed early');
      if (stream.write(chunk)) return;
      // The signal removes whichever listener lost the race, so long exports do not pile up listeners.
      const settled = new AbortController();
      const closed = once(stream, 'close', { signal: settled.signal }).then(() => {
        throw new Error('The export destination closed early');
      });
      try {
        await Promise.race([once(stream, 'drain', { signal: settled.signal }), closed]);
      } finally {
        settled.abort();
      }
    },
  };
}
