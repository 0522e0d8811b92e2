// The frame every screen sits in (UI.md): header, navigation, one main landmark, status bar.
import { AppShell, Box } from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { CommandPalette } from './CommandPalette';
import { GlobalShortcuts } from './GlobalShortcuts';
import { HeaderBar } from './HeaderBar';
import { Navigation } from './Navigation';
import { ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';

export function AppFrame({ children }: { children: ReactNode }) {
  const [collapsed, setCollapsed] = useLocalStorage({ key: 'console.nav.collapsed', defaultValue: false });
  const [mobileOpened, mobile] = useDisclosure(false);
  const [sheetOpened, sheet] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: collapsed ? 64 : 248, breakpoint: 'sm', collapsed: { mobile: !mobileOpened } }}
      footer={{ height: 32 }}
      padding={0}
    >
      <AppShell.Header>
        <HeaderBar navOpened={mobileOpened} onBurger={mobile.toggle} />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigation collapsed={collapsed} onToggle={() => setCollapsed((c) => !c)} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Box h="calc(100dvh - var(--app-shell-header-offset, 0px) - var(--app-shell-footer-offset, 0px))" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          {children}
        </Box>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      <GlobalShortcuts onHelp={sheet.toggle} />
      <ShortcutSheet opened={sheetOpened} onClose={sheet.close} />
      <CommandPalette />
    </AppShell>
  );
}
