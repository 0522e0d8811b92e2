// The console's renderer: providers, the sign-in gate, the frame and the routes. main.tsx picks
// the transport; tests hand in an in-memory ConsoleApi and a controlled clock.
import { Anchor, Box, Button, Center, Code, MantineProvider, Stack, Text, Title, useMantineColorScheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Router } from 'wouter';
import type { ConsoleApi } from '../../electron/contract';
import { ApiProvider } from './api/ApiContext';
import { ConsoleApiError, describeError } from './api/errors';
import type { Connection } from './api/events';
import type { Transport } from './api/transport';
import { TickerProvider, createIntervalTicker, type Ticker } from './features/clock/clock';
import { DecisionsProvider } from './features/decisions/DecisionsProvider';
import { useEventBridge } from './features/events/useEventBridge';
import { queryKeys } from './features/queryKeys';
import { SessionProvider, useSessionQuery } from './features/session/session';
import { useSettings } from './features/settings/settings';
import { useHashPath, useHashSearch } from './routing/hashLocation';
import { Routes } from './routes';
import { AppFrame } from './screens/Shell/AppFrame';
import { SignInScreen } from './screens/SignIn/SignInScreen';
import { cssVariablesResolver, theme } from './theme';
import { LoadingState } from './ui/States';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The workspace signed out under us (elsewhere, or the platform revoked the token).
        if (error instanceof ConsoleApiError && error.type === 'signed-out') void client.invalidateQueries({ queryKey: queryKeys.session });
      },
    }),
    defaultOptions: {
      queries: {
        // The console's service is local: a failure is worth one quick retry, not three slow ones.
        retry: (failures, error) => failures < 1 && !(error instanceof ConsoleApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

function ThemeSync() {
  const settings = useSettings();
  const { setColorScheme } = useMantineColorScheme();
  const wanted = settings.data?.theme;
  useEffect(() => {
    if (wanted !== undefined) setColorScheme(wanted);
  }, [wanted, setColorScheme]);
  return null;
}

function EventBridge() {
  useEventBridge();
  return null;
}

function FullPage({ children }: { children: ReactNode }) {
  return (
    <Box component="main" h="100%">
      {children}
    </Box>
  );
}

function SessionGate() {
  const session = useSessionQuery();
  if (session.isPending) {
    return (
      <FullPage>
        <LoadingState label="Opening the workspace…" />
      </FullPage>
    );
  }
  if (session.isError) {
    const expired = session.error instanceof ConsoleApiError && session.error.status === 401;
    return (
      <FullPage>
        <Center h="100%" p="xl">
          <Stack maw={520} gap="sm">
            <Title order={1}>{expired ? 'This link no longer opens the console' : 'The console’s service is not answering'}</Title>
            <Text size="sm">{expired ? 'The console was restarted, so the link it printed before no longer works. Open the new link it printed when it started.' : describeError(session.error)}</Text>
            <Button variant="default" w="fit-content" onClick={() => void session.refetch()}>
              Try again
            </Button>
          </Stack>
        </Center>
      </FullPage>
    );
  }
  if (!session.data.signedIn) {
    return <SignInScreen {...(session.data.platformUrl === undefined ? {} : { platformUrl: session.data.platformUrl })} />;
  }
  return (
    <SessionProvider session={session.data}>
      <DecisionsProvider>
        <AppFrame>
          <Routes />
        </AppFrame>
      </DecisionsProvider>
    </SessionProvider>
  );
}

export interface ConsoleAppProps {
  api: ConsoleApi;
  connection: Connection;
  ticker?: Ticker;
  queryClient?: QueryClient;
}

/** The whole renderer for one ConsoleApi. */
export function ConsoleApp({ api, connection, ticker, queryClient }: ConsoleAppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [clock] = useState(() => ticker ?? createIntervalTicker());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <TickerProvider ticker={clock}>
        <QueryClientProvider client={client}>
          <ApiProvider api={api} connection={connection}>
            <Notifications position="bottom-right" limit={4} />
            <ThemeSync />
            <EventBridge />
            <Router hook={useHashPath} searchHook={useHashSearch}>
              <SessionGate />
            </Router>
          </ApiProvider>
        </QueryClientProvider>
      </TickerProvider>
    </MantineProvider>
  );
}

/** The browser host was opened without its one-time link. */
function NoToken() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <FullPage>
        <Center h="100%" p="xl">
          <Stack maw={560} gap="sm">
            <Title order={1}>Open the console with its link</Title>
            <Text size="sm">
              The console’s browser host prints a link with a one-time token when it starts, such as <Code>http://127.0.0.1:5170/?token=…</Code>. Open that link; this page cannot be used
              without it.
            </Text>
            <Text size="sm" c="dimmed">
              Started it with <Code>npm run serve</Code>? The link is on its first line of output. <Anchor href="/">Reload</Anchor> once you have it.
            </Text>
          </Stack>
        </Center>
      </FullPage>
    </MantineProvider>
  );
}

export function Root({ transport }: { transport: Transport }) {
  if (transport.kind === 'no-token') return <NoToken />;
  return <ConsoleApp api={transport.api} connection={transport.connection} />;
}
