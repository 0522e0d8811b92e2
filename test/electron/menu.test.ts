// The application menu: the go-to screens, the palette and the key sheet of UI.md, shown with
// their keys but registering none (the renderer's registry binds keys), each click naming its
// command; development items only in development.
import { describe, expect, it } from 'vitest';
import { consoleEventSchema } from '../../electron/contract';
import { MENU_COMMANDS, isMenuCommand, menuEvent, menuTemplate, type MenuCommand } from '../../electron/main/menu';

type Item = ReturnType<typeof menuTemplate>[number];

function flatten(items: readonly Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, development = false) {
  const ran: MenuCommand[] = [];
  const template = menuTemplate({ platform, appName: 'Moderation Console', development, run: (command) => void ran.push(command) });
  return { template, items: flatten(template), ran };
}

describe('the application menu', () => {
  it('offers every command once, with its keys, and a click runs exactly that command', () => {
    const { items, ran } = build('linux');
    const commandIds = Object.keys(MENU_COMMANDS).filter(isMenuCommand);
    const commandItems = items.flatMap((item) => (item.id !== undefined && isMenuCommand(item.id) ? [{ ...item, id: item.id }] : []));
    expect(commandItems.map((item) => item.id).sort()).toEqual([...commandIds].sort());
    for (const item of commandItems) {
      const spec: { label: string; keys: string; accelerator?: string } = MENU_COMMANDS[item.id];
      expect(item.label).toContain(spec.label);
      if (spec.accelerator === undefined) expect(item.label).toContain(spec.keys);
      const click = item.click;
      if (typeof click !== 'function') throw new Error(`${item.id} has no click`);
      Reflect.apply(click, undefined, []);
    }
    expect(ran).toEqual(commandItems.map((item) => item.id));
  });

  it('shows keys but registers none of its own, so the renderer’s key map stays the only one', () => {
    for (const item of build('linux').items.filter((i) => i.accelerator !== undefined)) expect(item.registerAccelerator).toBe(false);
    expect(build('linux').items.find((item) => item.id === 'palette.open')?.accelerator).toBe('CmdOrCtrl+K');
  });

  it('offers reload and the developer tools only in a development run', () => {
    const roles = (items: Item[]) => items.map((item) => item.role).filter((role) => role !== undefined);
    expect(roles(build('linux', false).items)).not.toContain('toggleDevTools');
    expect(roles(build('linux', false).items)).not.toContain('reload');
    expect(roles(build('linux', true).items)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('has the application menu on macOS only', () => {
    expect(build('darwin').template[0]?.label).toBe('Moderation Console');
    expect(build('linux').template[0]?.label).toBe('&File');
  });

  it('sends a command as the contract’s event when the contract has one, and nothing otherwise', () => {
    for (const command of Object.keys(MENU_COMMANDS).filter(isMenuCommand)) {
      const accepted = consoleEventSchema.safeParse({ type: 'menu.command', command });
      expect(menuEvent(command)).toEqual(accepted.success ? accepted.data : null);
    }
  });
});
