// The console API for the component tree: screens and features reach it through useApi(), so a
// test can hand them an in-memory double and the app hands them the chosen transport.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConsoleApi } from '../../../electron/contract';
import type { Connection, ConnectionState } from './events';

interface ApiContextValue {
  api: ConsoleApi;
  connection: Connection;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ api, connection, children }: ApiContextValue & { children: ReactNode }) {
  return <ApiContext.Provider value={{ api, connection }}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (value === null) throw new Error('useApi needs an ApiProvider above it');
  return value;
}

export function useApi(): ConsoleApi {
  return useApiContext().api;
}

/** Whether the live event stream to the console's service is up. */
export function useConnectionState(): ConnectionState {
  const { connection } = useApiContext();
  return useSyncExternalStore(connection.subscribe, connection.state, connection.state);
}

export function useConnection(): Connection {
  return useApiContext().connection;
}
