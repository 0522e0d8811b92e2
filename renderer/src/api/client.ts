// The typed client, derived from the contract's method table: one function per method grouped by
// namespace, every answer parsed with the method's own output schema (the renderer's boundary).
import { METHODS, METHOD_NAMES, type ConsoleApi, type MethodName } from '../../../electron/contract';
import { ConsoleApiError } from './errors';

/** Sends one method call and resolves with the raw answer, or rejects with a ConsoleApiError. */
export type Call = (method: MethodName, input: unknown) => Promise<unknown>;

export function clientFromCall(call: Call, subscribe: ConsoleApi['events']['subscribe']): ConsoleApi {
  const namespaces: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const fn = name.slice(dot + 1);
    const group = (namespaces[ns] ??= {});
    group[fn] = async (input: unknown) => {
      const answer = await call(name, input ?? {});
      const parsed = METHODS[name].output.safeParse(answer);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? '' : ` (${issue.path.join('.') || 'the answer'}: ${issue.message})`;
        throw new ConsoleApiError({ status: 500, type: 'bad-answer', detail: `The console’s service answered ${name} in a shape this console does not know${where}.` });
      }
      return parsed.data;
    };
  }
  // Every method of the mapped ConsoleApi type is built above from METHOD_NAMES, each answer
  // parsed by its own schema, so the one cast restates what the loop guarantees.
  return { ...namespaces, events: { subscribe } } as ConsoleApi;
}
