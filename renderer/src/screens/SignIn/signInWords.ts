// Sign-in failures in words: what happened and what to do (UI.md), per field where we can tell.
import { ConsoleApiError, describeError } from '../../api/errors';

export interface SignInProblem {
  platformUrl?: string;
  token?: string;
  general?: string;
}

export function signInProblem(error: unknown, platformUrl: string): SignInProblem {
  if (!(error instanceof ConsoleApiError)) return { general: describeError(error) };
  if (error.unreachable) return { general: describeError(error) };
  switch (error.status) {
    case 400: {
      const out: SignInProblem = {};
      for (const issue of error.issues) {
        if (issue.path.startsWith('platformUrl')) out.platformUrl = 'Write the full address, with http:// or https://.';
        else if (issue.path.startsWith('token')) out.token = 'Paste the moderator token the platform gave you.';
      }
      return Object.keys(out).length > 0 ? out : { general: error.detail };
    }
    case 401:
      return { token: 'The platform refused this token. Check that it is a moderator token for this platform and has not been revoked.' };
    case 403:
      return { token: `This token’s moderator may not use the console. ${error.detail}` };
    case 503:
      return { platformUrl: `No answer from ${platformUrl}. Check the address, and that the platform is running and reachable from this machine.` };
    default:
      return { general: error.detail };
  }
}
