// Signing in to a platform: its address and a moderator token. Not inside the frame: there is
// no workspace yet.
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { queryKeys } from '../../features/queryKeys';
import { signInProblem } from './signInWords';

export function SignInScreen({ platformUrl: lastUrl }: { platformUrl?: string }) {
  const api = useApi();
  const client = useQueryClient();
  const [platformUrl, setPlatformUrl] = useState(lastUrl ?? '');
  const [token, setToken] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: () => api.session.signIn({ platformUrl: platformUrl.trim(), token: token.trim() }),
    onSuccess: (session) => {
      client.setQueryData(queryKeys.session, session);
      void client.invalidateQueries();
    },
  });
  const problem = signIn.isError ? signInProblem(signIn.error, platformUrl.trim()) : {};

  useEffect(() => first.current?.focus(), []);

  return (
    <Box component="main" h="100%">
      <Center h="100%" p="md">
        <Paper withBorder shadow="sm" radius="md" p="xl" w={420} component="form" onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          signIn.mutate();
        }}>
          <Stack gap="md">
            <div>
              <Title order={1}>Sign in</Title>
              <Text size="sm" c="dimmed" mt={4}>
                Connect the console to your marketplace platform. The token stays on this machine.
              </Text>
            </div>
            <TextInput
              ref={first}
              label="Platform address"
              placeholder="https://platform.example.com"
              value={platformUrl}
              onChange={(e) => setPlatformUrl(e.currentTarget.value)}
              error={problem.platformUrl}
              required
              autoComplete="url"
            />
            <PasswordInput label="Moderator token" value={token} onChange={(e) => setToken(e.currentTarget.value)} error={problem.token} required autoComplete="off" />
            {problem.general !== undefined && (
              <Alert color="red" variant="light" role="alert">
                {problem.general}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} disabled={platformUrl.trim() === '' || token.trim() === ''}>
              Sign in
            </Button>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
