import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

// A calm, dense work tool (UI.md, "Look"): Mantine defaults, one accent, neutral greys, amber and
// red only for due soon and overdue, green only for done. primaryShade 8: white on blue 6 fails
// the contrast check (STACK.md, trap 8).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.5', lg: '1.5', xl: '1.5' },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '20px', lineHeight: '1.3' },
      h2: { fontSize: '16px', lineHeight: '1.35' },
      h3: { fontSize: '14px', lineHeight: '1.4' },
      h4: { fontSize: '13px', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Toasts, drawers and menus appear at once for whoever asks the system for less motion.
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { size: 'sm' } },
    TextInput: { defaultProps: { size: 'sm' } },
    PasswordInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm' } },
    NumberInput: { defaultProps: { size: 'sm' } },
    Textarea: { defaultProps: { size: 'sm' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    // Mantine's close buttons (toasts, drawers, clearable inputs) carry only an icon: axe's
    // button-name rule wants words a screen reader can say.
    CloseButton: { defaultProps: { 'aria-label': 'Close' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } } },
  },
});

/**
 * Amber and red for time, green for done: named once so every screen uses the same shades, and
 * chosen per scheme for text contrast of at least 4.5:1 (Mantine's yellow.9 on white is 3:1).
 */
export const LINK_COLOR = 'var(--link-color)';

export const STATUS_COLORS = { dueSoon: 'var(--status-due-soon)', overdue: 'var(--status-overdue)', done: 'var(--status-done)', problem: 'var(--status-overdue)', warn: 'var(--status-due-soon)', muted: 'dimmed' } as const;

/**
 * Mantine's light variant (badges, light buttons) writes shade 9 on shade 1; for these hues that
 * is under 4.5:1 (yellow 2.7, lime 3.3, orange 3.6, green 3.8, teal 4.3, red 4.5). A third darker
 * keeps the hue and reads at 5:1 or more, also on the hover shade. Dark mode's shade 0 on a
 * darkened 9 is fine as it is.
 */
const DEEPENED_LIGHT_TEXT = ['red', 'orange', 'yellow', 'lime', 'green', 'teal'] as const;

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: { '--row-height': '40px' },
  light: {
    ...Object.fromEntries(DEEPENED_LIGHT_TEXT.map((hue) => [`--mantine-color-${hue}-light-color`, darken(t.colors[hue][9], 0.3)])),
    '--row-selected': 'var(--mantine-color-blue-0)',
    '--row-hover': 'var(--mantine-color-gray-0)',
    '--row-border': 'var(--mantine-color-gray-2)',
    '--row-checked': 'var(--mantine-color-blue-1)',
    // Mantine's dimmed grey (gray.6 on white, 3.3:1) fails the contrast check; this one is 6:1.
    '--mantine-color-dimmed': '#5c636a',
    // Dark enough for small text on white and on the light blue of a selected row.
    '--status-due-soon': '#8a4100',
    '--status-overdue': '#a51d1d',
    '--status-done': '#1f6b2c',
    '--link-color': 'var(--mantine-color-blue-9)',
  },
  dark: {
    '--row-selected': 'rgba(66, 99, 235, 0.22)',
    '--row-hover': 'var(--mantine-color-dark-6)',
    '--row-border': 'var(--mantine-color-dark-5)',
    '--row-checked': 'rgba(66, 99, 235, 0.32)',
    '--mantine-color-dimmed': '#a9abb0',
    '--status-due-soon': 'var(--mantine-color-yellow-4)',
    '--status-overdue': 'var(--mantine-color-red-4)',
    '--status-done': 'var(--mantine-color-green-4)',
    '--link-color': 'var(--mantine-color-blue-4)',
  },
});
