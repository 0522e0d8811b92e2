// RFC 9457 problem responses: every error the platform answers is application/problem+json
// with {type, title, status, detail}, plus extension members where SYNC-API asks for data
// (a conflict's `current`, a held claim's `claim`, a validation problem's first `issues`).
import { PROBLEM_MAX_ISSUES, type Issue, type Problem } from '../../core';

const TYPE_BASE = 'https://platform.example/problems/';

export const PROBLEM_TITLES = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal server error',
  503: 'Service unavailable',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TITLES;

/** A detail longer than this is cut: it quotes client input, which may be anything. */
const DETAIL_MAX = 2000;

export const problemType = (kind: string): string => `${TYPE_BASE}${kind}`;

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

  /** A 422 naming the failing fields: the first PROBLEM_MAX_ISSUES of them, however many there are. */
  static validation(error: string, issues: readonly Issue[]): HttpProblem {
    return new HttpProblem(422, 'validation', error, { issues: issues.slice(0, PROBLEM_MAX_ISSUES) });
  }

  body(): Problem {
    const detail = this.detail.length > DETAIL_MAX ? `${this.detail.slice(0, DETAIL_MAX)}…` : this.detail;
    // Extensions are the platform's own (never client input), so none shadows a standard member.
    return { type: problemType(this.kind), title: PROBLEM_TITLES[this.status], status: this.status, detail, ...this.extensions };
  }
}
