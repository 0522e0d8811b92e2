// The SSE stream: events parsed with the contract, garbage ignored, and a stream the browser gave
// up on reopened with a growing pause while anyone listens.
import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../electron/contract';
import { createEventStream, type ConnectionState } from '../../renderer/src/api/events';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  closed = false;
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((m: MessageEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  named = new Map<string, (m: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (m: MessageEvent) => void) {
    this.named.set(type, listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(data: string, event?: string) {
    const m = new MessageEvent(event ?? 'message', { data });
    if (event === undefined) this.onmessage?.(m);
    else this.named.get(event)?.(m);
  }
  fail(finalClose: boolean) {
    this.readyState = finalClose ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

function setup() {
  FakeEventSource.instances = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const stream = createEventStream({
    url: '/api/events?token=T',
    createEventSource: (url) => new FakeEventSource(url),
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
  });
  return { stream, timers };
}

describe('the event stream', () => {
  it('opens on the first listener and hands over only events the contract knows', () => {
    const { stream } = setup();
    const got: ConsoleEvent[] = [];
    const states: ConnectionState[] = [];
    stream.connection.subscribe((s) => states.push(s));
    stream.subscribe((e) => got.push(e));
    const es = FakeEventSource.instances[0];
    expect(es?.url).toBe('/api/events?token=T');
    es?.open();
    es?.send(JSON.stringify({ type: 'conflicts.changed', count: 2 }));
    es?.send(JSON.stringify({ type: 'settings.changed' }), 'settings.changed');
    es?.send('not json');
    es?.send(JSON.stringify({ type: 'conflicts.changed', count: -1 }));
    es?.send(JSON.stringify({ type: 'who.knows' }));
    expect(got).toEqual([{ type: 'conflicts.changed', count: 2 }, { type: 'settings.changed' }]);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('reopens a stream the browser closed, pausing longer each time, and resets once open', () => {
    const { stream, timers } = setup();
    stream.subscribe(() => undefined);
    FakeEventSource.instances[0]?.fail(true);
    expect(stream.connection.state()).toBe('closed');
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers[0]?.fn();
    FakeEventSource.instances[1]?.fail(true);
    expect(timers.map((t) => t.ms)).toEqual([500, 1000]);
    timers[1]?.fn();
    FakeEventSource.instances[2]?.open();
    expect(stream.connection.state()).toBe('open');
    FakeEventSource.instances[2]?.fail(true);
    expect(timers.at(-1)?.ms).toBe(500);
  });

  it('lets the browser retry a dropped stream itself (connecting, no new source)', () => {
    const { stream, timers } = setup();
    stream.subscribe(() => undefined);
    FakeEventSource.instances[0]?.open();
    FakeEventSource.instances[0]?.fail(false);
    expect(stream.connection.state()).toBe('connecting');
    expect(timers).toEqual([]);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it('closes the source when the last listener leaves', () => {
    const { stream } = setup();
    const off = stream.subscribe(() => undefined);
    off();
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
    expect(stream.connection.state()).toBe('closed');
  });
});
