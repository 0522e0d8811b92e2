// Renders the whole console over the in-memory double, at a given route, with a hand-moved clock.
import { render } from '@testing-library/react';
import { ConsoleApp, createQueryClient } from '../../renderer/src/App';
import { FakeConnection, FakeConsole, ManualTicker, type FakeOptions } from './fakeConsole';

export function renderConsole(route: string, options: FakeOptions & { fake?: FakeConsole } = {}) {
  const fake = options.fake ?? new FakeConsole(options);
  const connection = new FakeConnection();
  const ticker = new ManualTicker();
  const queryClient = createQueryClient();
  window.history.replaceState(null, '', `/#${route}`);
  const utils = render(<ConsoleApp api={fake.api} connection={connection} ticker={ticker} queryClient={queryClient} />);
  return { ...utils, fake, connection, ticker, queryClient };
}
