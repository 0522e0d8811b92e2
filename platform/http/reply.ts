// What a route answers, as data: the dispatcher sends it, and fault injection can drop it or
// cut it short after the route has done its work (the case idempotent retries exist for).
import type { ServerResponse } from 'node:http';
import type { HttpProblem } from './problem';

export interface Sink {
  /** Writes a chunk, waiting when the socket is full; false once the client has gone. */
  write(chunk: string): Promise<boolean>;
}

export type Reply =
  | { kind: 'body'; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: 'stream'; status: number; headers: Record<string, string>; produce: (sink: Sink) => Promise<void> }
  /** A route that has answered by itself (Server-Sent Events). */
  | { kind: 'handled' };

export type Fault = 'none' | 'drop' | 'truncate';

export function bodyReply(status: number, text: string | Buffer, contentType: string, headers: Record<string, string> = {}): Reply {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { kind: 'body', status, body, headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers } };
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return bodyReply(status, JSON.stringify(value), 'application/json; charset=utf-8', headers);
}

/** A body already serialised (a stored decision answer), sent byte for byte. */
export function rawJsonReply(status: number, text: string, problem: boolean): Reply {
  return bodyReply(status, text, `application/${problem ? 'problem+json' : 'json'}; charset=utf-8`);
}

export function problemReply(problem: HttpProblem): Reply {
  return bodyReply(problem.status, JSON.stringify(problem.body()), 'application/problem+json; charset=utf-8', problem.headers);
}

/** Waits for the socket to take more, or to go away; leaves no listener behind either way. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes to the socket, waiting while it is full; false once the client has gone. */
function socketSink(res: ServerResponse): Sink {
  return {
    async write(chunk: string): Promise<boolean> {
      if (res.destroyed) return false;
      if (chunk.length > 0 && !res.write(chunk, 'utf8')) await drainOrClose(res);
      return !res.destroyed;
    },
  };
}

/** A stream gathered in memory: only for a dev fault, where the whole length must be known to cut it. */
async function gathered(reply: Extract<Reply, { kind: 'stream' }>): Promise<Extract<Reply, { kind: 'body' }>> {
  const parts: string[] = [];
  await reply.produce({ write: async (chunk) => (parts.push(chunk), true) });
  return { kind: 'body', status: reply.status, headers: reply.headers, body: Buffer.from(parts.join(''), 'utf8') };
}

export async function sendReply(res: ServerResponse, given: Reply, fault: Fault): Promise<void> {
  if (given.kind === 'handled') return;
  const reply = fault === 'truncate' && given.kind === 'stream' ? await gathered(given) : given;
  if (fault === 'drop') {
    // The work is done, the answer never arrives: the client must retry and get the same answer.
    res.destroy();
    return;
  }
  if (reply.kind === 'body') {
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.length) });
    if (fault === 'truncate') {
      // Destroyed only once the headers and the first half are on the wire, so the client
      // gets a response whose body ends early rather than no response at all.
      await new Promise<void>((resolve) => res.write(reply.body.subarray(0, Math.floor(reply.body.length / 2)), () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 20));
      res.destroy();
      return;
    }
    res.end(reply.body);
    return;
  }
  res.writeHead(reply.status, reply.headers);
  try {
    await reply.produce(socketSink(res));
  } catch {
    // Headers are out: the only honest end of a stream that failed half-way is a cut connection.
    res.destroy();
    return;
  }
  if (!res.destroyed) res.end();
}
