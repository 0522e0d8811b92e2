// The event-log file (SYNC-API.md) written and read as a stream. Layout, so a reader can parse
// it line by line and the whole file is still plain JSON:
//
//   {"events": [
//   {"at": …, "type": …, "data": …},
//   …
//   {"at": …, "type": …, "data": …}
//   ]}
//
// one event per line, each followed by `,` except the last. A large log is about a gigabyte:
// it never exists as one string or one array on either side.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { marketplaceEventSchema, type MarketplaceEvent } from '../../core/wire/events';
import { describeIssues } from '../../core/wire/validate';

export const LOG_HEADER = '{"events": [';
export const LOG_FOOTER = ']}';

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARS = 1 << 20;
/** Files in another layout are parsed whole, which only small files may ask for. */
export const MAX_WHOLE_FILE_BYTES = 64 * 1024 * 1024;

export interface WrittenLog {
  path: string;
  events: number;
  bytes: number;
}

/** The file's text, a piece at a time: header, events joined by `,\n`, footer. */
export function* eventLogChunks(events: Iterable<MarketplaceEvent>): Generator<string> {
  let chunk = `${LOG_HEADER}\n`;
  let first = true;
  for (const event of events) {
    chunk += first ? JSON.stringify(event) : `,\n${JSON.stringify(event)}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n'}${LOG_FOOTER}\n`;
}

/** Streams events to `path` in the line layout, honouring back-pressure. */
export async function writeEvents(path: string, events: Iterable<MarketplaceEvent>): Promise<WrittenLog> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  const counted = function* (): Generator<MarketplaceEvent> {
    for (const event of events) {
      count += 1;
      yield event;
    }
  };
  try {
    for (const chunk of eventLogChunks(counted())) {
      // once() rejects if the stream errors while we wait, so a full disk surfaces here.
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { path, events: count, bytes: out.bytesWritten };
}

export class EventLogError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file, when the layout has one event per line. */
    readonly line?: number,
    /** 0-based position in `events`. */
    readonly index?: number,
  ) {
    super(message);
    this.name = 'EventLogError';
  }
}

const HEADER_LINE = /^\s*\{\s*"events"\s*:\s*\[\s*$/;
const FOOTER_LINE = /^\s*\]\s*\}\s*$/;

function checkEvent(path: string, value: unknown, index: number, line: number | undefined): MarketplaceEvent {
  const where = line === undefined ? `${path}: event ${index}` : `${path}:${line}: event ${index}`;
  const parsed = marketplaceEventSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
    throw new EventLogError(`${where} is invalid: ${describeIssues(issues)}`, line, index);
  }
  return parsed.data;
}

/**
 * Reads an event log as a stream of validated events. The line layout above is read line by
 * line in constant memory; any other JSON layout (pretty-printed, one line) is parsed whole,
 * which is refused above 64 MiB. An invalid event stops the read with its line and index.
 */
export async function* readEventLog(path: string): AsyncGenerator<MarketplaceEvent> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    const second = first.done === true ? first : await iterator.next();
    // Line layout: the header alone on line 1, then an event (or the footer) alone on line 2.
    if (first.done !== true && HEADER_LINE.test(first.value) && second.done !== true && isEventLine(second.value)) {
      yield* readLines(path, second.value, iterator);
      return;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  yield* readWhole(path);
}

function isEventLine(line: string): boolean {
  if (FOOTER_LINE.test(line)) return true;
  const text = line.trim().replace(/,$/, '');
  if (!text.startsWith('{')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function* readLines(
  path: string,
  secondLine: string,
  rest: AsyncIterator<string>,
): AsyncGenerator<MarketplaceEvent> {
  let lineNo = 2;
  let index = 0;
  let line: string | undefined = secondLine;
  let ended = false;
  let previousHadComma = true;
  while (line !== undefined) {
    const text = line.trim();
    if (ended) {
      if (text !== '') throw new EventLogError(`${path}:${lineNo}: content after the closing ]}`, lineNo);
    } else if (FOOTER_LINE.test(text)) {
      if (index > 0 && previousHadComma) throw new EventLogError(`${path}:${lineNo - 1}: trailing comma after the last event`, lineNo - 1);
      ended = true;
    } else if (text !== '') {
      if (!previousHadComma) throw new EventLogError(`${path}:${lineNo - 1}: missing comma after event ${index - 1}`, lineNo - 1);
      previousHadComma = text.endsWith(',');
      const json = previousHadComma ? text.slice(0, -1) : text;
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch (error) {
        throw new EventLogError(`${path}:${lineNo}: event ${index} is not JSON (${error instanceof Error ? error.message : String(error)})`, lineNo, index);
      }
      yield checkEvent(path, value, index, lineNo);
      index += 1;
    }
    const next = await rest.next();
    line = next.done === true ? undefined : next.value;
    lineNo += 1;
  }
  if (!ended) throw new EventLogError(`${path}: truncated: no closing ]} after line ${lineNo - 1}`, lineNo - 1);
}

async function* readWhole(path: string): AsyncGenerator<MarketplaceEvent> {
  const { size } = await stat(path);
  if (size > MAX_WHOLE_FILE_BYTES) {
    throw new EventLogError(`${path}: ${size} bytes in a layout that is not one event per line; only files up to ${MAX_WHOLE_FILE_BYTES} bytes are parsed whole`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new EventLogError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const events = typeof parsed === 'object' && parsed !== null && 'events' in parsed ? parsed.events : undefined;
  if (!Array.isArray(events)) throw new EventLogError(`${path}: expected {"events": [...]}`);
  for (let index = 0; index < events.length; index++) {
    yield checkEvent(path, events[index], index, undefined);
  }
}
