// GET /v1/events: Server-Sent Events nudges. `event: changes` with {last} whenever the feed has
// moved past what the client has, and a heartbeat comment every 15 s; never the data itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';

export function serveEvents(req: IncomingMessage, res: ServerResponse, engine: Engine, after: number, heartbeatMs: number): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let sent = after;
  const nudge = (last: number) => {
    if (last <= sent || res.destroyed) return;
    sent = last;
    res.write(`id: ${last}\nevent: changes\ndata: {"last":${last}}\n\n`);
  };
  nudge(engine.lastSeq);
  const off = engine.onChange(nudge);
  const heartbeat = setInterval(() => {
    if (!res.destroyed) res.write(': heartbeat\n\n');
  }, heartbeatMs);
  const stop = () => {
    clearInterval(heartbeat);
    off();
  };
  req.on('close', stop);
  res.on('close', stop);
}
