// Reading a JSON request body with a size limit: 413 past the limit, 415 for another media
// type, 400 for JSON that does not parse. Validation of the parsed value is the route's (422).
import type { IncomingMessage } from 'node:http';
import { HttpProblem } from './problem';

export const BODY_LIMIT = 5 * 1024 * 1024;
export const DEV_EVENTS_LIMIT = 32 * 1024 * 1024;

export async function readJson(req: IncomingMessage, limit = BODY_LIMIT): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpProblem(415, 'unsupported-media-type', `Send the body as application/json (got ${type === '' ? 'no Content-Type' : type}).`);
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpProblem(413, 'payload-too-large', `The body is ${declared} bytes; this route takes at most ${limit}.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) throw new HttpProblem(413, 'payload-too-large', `The body exceeds ${limit} bytes, the limit of this route.`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch (error) {
    throw new HttpProblem(400, 'malformed-json', `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
