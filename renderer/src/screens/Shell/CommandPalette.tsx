// Ctrl/Cmd-K (Mantine Spotlight): go to a queue or screen, open an item by id, find a designer by
// handle, change a setting. Its key comes from the shortcut registry like every other.
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconArrowRight, IconFileSearch, IconMoon, IconSearch, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useDesignerSearch } from '../../features/designers/designers';
import { useAbilities } from '../../features/session/session';
import { useSaveSettings } from '../../features/settings/settings';
import { navigate } from '../../routing/hashLocation';
import { SHORTCUTS } from '../../shortcuts';
import { CONFLICTS_DESTINATION, QUEUE_DESTINATIONS, SETTINGS_DESTINATION, workDestinations } from './nav';

const ID_LIKE = /^[A-Za-z0-9][\w.:-]{2,}$/;

export function CommandPalette() {
  const [query, setQuery] = useState('');
  const abilities = useAbilities();
  const designers = useDesignerSearch(query.startsWith('@') || query.length >= 2 ? query : '');
  const save = useSaveSettings();

  const go: SpotlightActionData[] = [
    ...abilities.queues.map((q) => QUEUE_DESTINATIONS[q]),
    ...workDestinations(abilities),
    CONFLICTS_DESTINATION,
    SETTINGS_DESTINATION,
  ].map((d) => {
    const Icon = d.icon;
    return { id: `go-${d.id}`, label: d.label, description: d.coming === true ? 'Arrives with the next release of the console' : undefined, leftSection: <Icon size={18} stroke={1.6} />, onClick: () => navigate(d.path), keywords: ['go', d.id] };
  });

  const settings: SpotlightActionData[] = [
    { id: 'set-undo', label: 'Settings: undo window', description: 'How long a decision waits before it leaves the machine', leftSection: <IconArrowRight size={18} />, onClick: () => navigate('/settings#undo'), keywords: ['undo', 'seconds', 'settings'] },
    { id: 'set-dark', label: 'Theme: dark', leftSection: <IconMoon size={18} />, onClick: () => save.mutate({ theme: 'dark' }), keywords: ['theme', 'dark', 'night'] },
    { id: 'set-light', label: 'Theme: light', leftSection: <IconMoon size={18} />, onClick: () => save.mutate({ theme: 'light' }), keywords: ['theme', 'light', 'day'] },
    { id: 'set-auto', label: 'Theme: follow the system', leftSection: <IconMoon size={18} />, onClick: () => save.mutate({ theme: 'auto' }), keywords: ['theme', 'auto', 'system'] },
    { id: 'set-policy', label: 'Settings: policy in force', leftSection: <IconArrowRight size={18} />, onClick: () => navigate('/settings#policy'), keywords: ['policy', 'rules', 'version'] },
  ];

  const trimmed = query.trim();
  const dynamic: SpotlightActionData[] = [];
  if (ID_LIKE.test(trimmed) && !trimmed.startsWith('@') && !trimmed.startsWith('flag-') && abilities.queues.some((q) => q !== 'flags')) {
    dynamic.push({
      id: `item-${trimmed}`,
      label: `Open submission ${trimmed}`,
      description: 'By its id',
      leftSection: <IconFileSearch size={18} />,
      onClick: () => navigate(`/items/submission/${encodeURIComponent(trimmed)}`),
      keywords: [trimmed],
    });
  }
  if (/^flag-[\w.:-]+$/.test(trimmed) && abilities.queues.includes('flags')) {
    dynamic.push({
      id: `flag-${trimmed}`,
      label: `Open flag ${trimmed}`,
      description: 'By its id',
      leftSection: <IconFileSearch size={18} />,
      onClick: () => navigate(`/items/flag/${encodeURIComponent(trimmed)}`),
      keywords: [trimmed],
    });
  }
  for (const d of designers.data?.items ?? []) {
    dynamic.push({
      id: `designer-${d.id}`,
      label: `@${d.handle}`,
      description: `${d.displayName} · ${d.verification} · ${d.accountStatus}`,
      leftSection: <IconUser size={18} />,
      onClick: () => navigate(`/designers/${encodeURIComponent(d.id)}`),
      keywords: [trimmed, d.handle, d.displayName],
    });
  }

  const actions = [
    ...(dynamic.length > 0 ? [{ group: 'Items and designers', actions: dynamic }] : []),
    { group: 'Go to', actions: go },
    { group: 'Settings', actions: settings },
  ];

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      shortcut={[...SHORTCUTS.palette.keys]}
      nothingFound="Nothing matches. Type an item id, a designer’s @handle, or a screen."
      highlightQuery
      limit={30}
      searchProps={{ leftSection: <IconSearch size={18} stroke={1.6} />, placeholder: 'Go to a queue, an item id, a @designer, a setting…', 'aria-label': 'Search or jump' }}
      onSpotlightClose={() => setQuery('')}
      // The dialog needs a name; Mantine names a modal by its title, which we keep off screen.
      title="Command palette"
      classNames={{ header: 'visually-hidden' }}
    />
  );
}

export const openPalette = () => spotlight.open();
