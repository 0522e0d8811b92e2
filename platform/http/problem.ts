// RFC 9457 problem responses: every error the platform answers is application/problem+json
// with {type, title, status, detail}, plus extension members where SYNC-API asks for data
// (a conflict's `current`, a held claim's `claim`).
import type { ServerResponse } from 'node:http';

const TYPE_BASE = 'https://platform.example/problems/';

export const PROBLEM_TITLES = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TITLES;

/** A problem to answer; thrown by handlers and turned into the response in one place. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    /** A short slug naming the problem: the `type` URI ends with it. */
    readonly kind: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  body(): Record<string, unknown> {
    return { type: `${TYPE_BASE}${this.kind}`, title: PROBLEM_TITLES[this.status], status: this.status, detail: this.detail, ...this.extensions };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body), contentType, headers);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8`, 'Content-Length': String(payload.length), 'Cache-Control': 'no-store', ...headers });
  res.end(payload);
}

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, problem.status, problem.body(), 'application/problem+json', problem.headers);
}
