// How the console API fails, the same on both transports: an RFC 9457 problem document.
// The browser host sends it as application/problem+json; IPC carries it in the answer envelope
// (Electron keeps only an Error's message across ipcMain.handle, so errors are never thrown
// across it).
import { z } from 'zod';

export const CONSOLE_PROBLEM_STATUS = [400, 401, 403, 404, 409, 413, 500, 503] as const;
export type ConsoleProblemStatus = (typeof CONSOLE_PROBLEM_STATUS)[number];

export const CONSOLE_PROBLEM_TITLES: Record<ConsoleProblemStatus, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  500: 'Internal error',
  503: 'Platform unreachable',
};

export const consoleProblemSchema = z.object({
  type: z.string().max(200),
  title: z.string().max(200),
  status: z.number().int(),
  detail: z.string().max(2000),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).max(20).optional(),
});
export type ConsoleProblem = z.infer<typeof consoleProblemSchema>;

export const PROBLEM_TYPE_BASE = 'https://console.example/problems/';

export function problem(status: ConsoleProblemStatus, kind: string, detail: string, issues?: ConsoleProblem['issues']): ConsoleProblem {
  return {
    type: `${PROBLEM_TYPE_BASE}${kind}`,
    title: CONSOLE_PROBLEM_TITLES[status],
    status,
    detail: detail.length > 2000 ? `${detail.slice(0, 1997)}…` : detail,
    ...(issues === undefined || issues.length === 0 ? {} : { issues: issues.slice(0, 20) }),
  };
}

/** The slug of a problem's type ("validation", "not-found", "signed-out" …). */
export function problemKind(p: Pick<ConsoleProblem, 'type'>): string {
  return p.type.startsWith(PROBLEM_TYPE_BASE) ? p.type.slice(PROBLEM_TYPE_BASE.length) : p.type;
}

/** An IPC answer: the output, or the problem (validated by the receiving side). */
export const ipcEnvelopeSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), problem: consoleProblemSchema })]);
export type IpcEnvelope = z.infer<typeof ipcEnvelopeSchema>;
