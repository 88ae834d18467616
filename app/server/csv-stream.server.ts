// A CSV file as a stream of chunks (a few hundred rows each) rather than one string: the response
// starts with the first rows, and a large export never sits whole in memory as text. Each chunk is
// written by domain/csv.ts's toCsv, so cells are escaped and numbers localised the one way.
import { toCsv, type CsvCell, type CsvOptions } from '~/domain/csv';

type Rows = readonly (readonly CsvCell[])[];

/** The chunks of rows as one CSV body; the first chunk carries the byte-order mark if asked. */
export function csvStream(chunks: Iterable<Rows>, options: CsvOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.iterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    // One chunk each time the reader asks for more, so a slow download holds back the writing.
    pull(controller) {
      for (;;) {
        const next = iterator.next();
        if (next.done) return controller.close();
        if (next.value.length === 0) continue;
        controller.enqueue(encoder.encode(toCsv(next.value, { ...options, bom: first && options.bom, finalNewline: true })));
        first = false;
        return;
      }
    },
    cancel() {
      iterator.return?.();
    },
  });
}

/** `rows` in slices of `size`. */
export function* inChunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
