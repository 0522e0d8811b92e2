import { createTheme } from '@mantine/core';

// primaryShade 8: white on blue 6 fails the contrast check (STACK.md, trap 8).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
