// The application menu: the screens and dialogs of UI.md's key map, so they can be found with
// the mouse. The keys themselves stay the renderer's (its one shortcut registry binds them and
// draws the `?` sheet): the menu shows them but registers none, and a click sends a console
// event naming the command, never JavaScript to run.
import type { MenuItemConstructorOptions } from 'electron';
import { consoleEventSchema, type ConsoleEvent } from '../contract';

export const MENU_COMMANDS = {
  'go.held': { label: 'Held submissions', keys: 'G H' },
  'go.review': { label: '48-hour reviews', keys: 'G R' },
  'go.flags': { label: 'Manipulation flags', keys: 'G F' },
  'go.journal': { label: 'Decision journal', keys: 'G J' },
  'go.dashboard': { label: 'Dashboard', keys: 'G D' },
  'palette.open': { label: 'Command palette…', keys: 'Ctrl K', accelerator: 'CmdOrCtrl+K' },
  'shortcuts.open': { label: 'Keyboard shortcuts', keys: '?' },
} as const satisfies Record<string, { label: string; keys: string; accelerator?: string }>;
export type MenuCommand = keyof typeof MENU_COMMANDS;

export function isMenuCommand(id: string): id is MenuCommand {
  return Object.hasOwn(MENU_COMMANDS, id);
}

/**
 * The event a menu command sends to the renderer: `{type: 'menu.command', command}`, checked
 * against the contract's event schema like every event main sends. Null while the contract has
 * no such event (then the click does nothing and main logs why).
 */
export function menuEvent(command: MenuCommand): ConsoleEvent | null {
  const parsed = consoleEventSchema.safeParse({ type: 'menu.command', command });
  return parsed.success ? parsed.data : null;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development build: reload and the developer tools are offered. */
  development: boolean;
  run(command: MenuCommand): void;
}

function commandItem(command: MenuCommand, run: (command: MenuCommand) => void): MenuItemConstructorOptions {
  const spec: { label: string; keys: string; accelerator?: string } = MENU_COMMANDS[command];
  return {
    id: command,
    // Sequences such as "g h" cannot be accelerators: the keys go in the label.
    label: spec.accelerator === undefined ? `${spec.label}    ${spec.keys}` : spec.label,
    ...(spec.accelerator === undefined ? {} : { accelerator: spec.accelerator, registerAccelerator: false }),
    click: () => run(command),
  };
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = (command: MenuCommand) => commandItem(command, options.run);
  return [
    ...(mac ? [{ label: options.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    // Text editing in fields (copy, paste, undo of typing); on macOS these keys need the menu.
    { role: 'editMenu' },
    {
      label: '&Go',
      submenu: [item('go.held'), item('go.review'), item('go.flags'), { type: 'separator' }, item('go.journal'), item('go.dashboard'), { type: 'separator' }, item('palette.open')],
    },
    {
      label: '&View',
      submenu: [
        ...(options.development ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[]) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [item('shortcuts.open')] },
  ];
}
