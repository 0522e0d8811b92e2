// Filters above the table, kept in the URL (features/queues/view.ts): category, designer,
// project, age, and for the 48-hour queue due soon and overdue.
import { Button, Chip, Group, Select } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState, type Ref } from 'react';
import { CATEGORIES, CATEGORY_IDS } from '../../../../core';
import type { Queue, QueueFilter } from '../../../../electron/contract';
import { useDesignerSearch } from '../../features/designers/designers';
import { isCategory } from '../../features/queues/view';

const AGES = [
  { value: '1', label: 'Older than 1 h' },
  { value: '6', label: 'Older than 6 h' },
  { value: '24', label: 'Older than 24 h' },
  { value: '36', label: 'Older than 36 h' },
] as const;

const CATEGORY_OPTIONS = CATEGORY_IDS.map((id) => ({ value: id, label: CATEGORIES[id] }));

export interface FilterBarProps {
  queue: Queue;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  /** Labels for the id filters, when a row told us ("@ana", "Logo for Acme"). */
  designerLabel?: string;
  projectLabel?: string;
  firstRef: Ref<HTMLInputElement>;
}

function without<K extends keyof QueueFilter>(filter: QueueFilter, key: K): QueueFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}

/** An id filter set from a row: one button that says what it filters and removes it. */
function FilterChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Button variant="light" size="sm" radius="xl" rightSection={<IconX size={14} aria-hidden />} onClick={onRemove} aria-label={`${label} — remove this filter`} maw={320}>
      {/* Its own line height: the button's is 1, and overflow would clip an underscore. */}
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', lineHeight: 1.5 }}>{label}</span>
    </Button>
  );
}

export function DesignerPicker({ onPick }: { onPick: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const found = useDesignerSearch(search);
  const data = (found.data?.items ?? []).map((d) => ({ value: d.id, label: `@${d.handle}` }));
  return (
    <Select
      aria-label="Designer"
      placeholder="Designer…"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={null}
      onChange={(id) => {
        if (id !== null) onPick(id);
        setSearch('');
      }}
      nothingFoundMessage={search.trim().length < 2 ? 'Type two letters of a handle' : found.isFetching ? 'Searching…' : 'No designer with that handle'}
      filter={({ options }) => options}
      w={170}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function FilterBar({ queue, filter, onChange, designerLabel, projectLabel, firstRef }: FilterBarProps) {
  const filtered = Object.keys(filter).length > 0;
  return (
    <Group gap="xs" wrap="wrap" role="search" aria-label="Filters">
      <Select
        ref={firstRef}
        aria-label="Category"
        placeholder="Any category"
        data={CATEGORY_OPTIONS}
        value={filter.category ?? null}
        onChange={(value) => onChange(value !== null && isCategory(value) ? { ...filter, category: value } : without(filter, 'category'))}
        clearable
        w={160}
      />
      {filter.designerId === undefined ? (
        <DesignerPicker onPick={(designerId) => onChange({ ...filter, designerId })} />
      ) : (
        <FilterChip label={`Designer ${designerLabel ?? filter.designerId}`} onRemove={() => onChange(without(filter, 'designerId'))} />
      )}
      {filter.projectId !== undefined && (
        <FilterChip label={`Project ${projectLabel ?? filter.projectId}`} onRemove={() => onChange(without(filter, 'projectId'))} />
      )}
      <Select
        aria-label="Age"
        placeholder="Any age"
        data={AGES.map((a) => ({ ...a }))}
        value={filter.minAgeHours === undefined ? null : String(filter.minAgeHours)}
        onChange={(value) => onChange(value === null ? without(filter, 'minAgeHours') : { ...filter, minAgeHours: Number(value) })}
        clearable
        w={160}
      />
      {queue === 'review' && (
        <>
          <Chip
            size="sm"
            variant="outline"
            color="yellow"
            checked={filter.dueSoon === true}
            onChange={(on) => onChange(on ? { ...without(filter, 'overdue'), dueSoon: true } : without(filter, 'dueSoon'))}
          >
            Due soon
          </Chip>
          <Chip
            size="sm"
            variant="outline"
            color="red"
            checked={filter.overdue === true}
            onChange={(on) => onChange(on ? { ...without(filter, 'dueSoon'), overdue: true } : without(filter, 'overdue'))}
          >
            Overdue
          </Chip>
        </>
      )}
      {filtered && (
        <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
