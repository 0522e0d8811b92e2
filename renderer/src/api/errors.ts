// How a console API call fails, the same for both transports: a problem document turned into an
// Error the screens can put into words (status, kind, detail, the fields at fault).
import { consoleProblemSchema, problemKind, type ConsoleProblem } from '../../../electron/contract';

export interface ProblemIssue {
  path: string;
  message: string;
}

export class ConsoleApiError extends Error {
  /** The HTTP status of the problem; 0 when the console's service did not answer at all. */
  readonly status: number;
  /** The problem's slug ("validation", "not-found", "network" …). */
  readonly type: string;
  readonly detail: string;
  readonly issues: readonly ProblemIssue[];

  constructor(init: { status: number; type: string; detail: string; issues?: readonly ProblemIssue[] }) {
    super(init.detail);
    this.name = 'ConsoleApiError';
    this.status = init.status;
    this.type = init.type;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
  }

  static fromProblem(problem: ConsoleProblem): ConsoleApiError {
    return new ConsoleApiError({ status: problem.status, type: problemKind(problem), detail: problem.detail, issues: problem.issues });
  }

  /** The console's own service is gone (browser host stopped, network down): not the platform. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export const NETWORK_PROBLEM = 'network';

/** A problem body from the wire, or null when it is not one (a proxy's HTML page, say). */
export function parseProblem(body: unknown): ConsoleProblem | null {
  const parsed = consoleProblemSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** Words for any failure, for a screen's error state: what happened and what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ConsoleApiError) {
    if (error.unreachable) return 'The console’s service is not answering. It may have stopped; start it again and reload this page.';
    if (error.status === 401) return 'This session is no longer signed in. Sign in again to go on.';
    if (error.status === 403) return `Your role does not allow this. ${error.detail}`;
    if (error.status === 503) return `The platform cannot be reached right now. ${error.detail}`;
    return error.detail;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
