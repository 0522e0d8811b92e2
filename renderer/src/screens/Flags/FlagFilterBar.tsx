// Filters above the flag queue, kept in the URL (features/queues/view.ts): detector, minimum
// score, designer.
import { Button, Group, Pill, Select } from '@mantine/core';
import type { Ref } from 'react';
import { DETECTORS } from '../../../../core';
import type { QueueFilter } from '../../../../electron/contract';
import { isDetector } from '../../features/queues/view';
import { detectorTitle } from '../../features/flags/words';
import { DesignerPicker } from '../Queue/FilterBar';

const DETECTOR_OPTIONS = DETECTORS.map((d) => ({ value: d, label: detectorTitle(d) }));
const SCORE_OPTIONS = [50, 60, 70, 80, 90].map((n) => ({ value: String(n), label: `Score ${n} or more` }));

function without<K extends keyof QueueFilter>(filter: QueueFilter, key: K): QueueFilter {
  const next = { ...filter };
  delete next[key];
  return next;
}

export interface FlagFilterBarProps {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  designerLabel?: string | undefined;
  firstRef: Ref<HTMLInputElement>;
}

export function FlagFilterBar({ filter, onChange, designerLabel, firstRef }: FlagFilterBarProps) {
  const minScore = filter.minScore === undefined ? null : String(filter.minScore);
  const scoreOptions = minScore !== null && !SCORE_OPTIONS.some((o) => o.value === minScore) ? [...SCORE_OPTIONS, { value: minScore, label: `Score ${minScore} or more` }] : SCORE_OPTIONS;
  return (
    <Group gap="xs" wrap="wrap" role="search" aria-label="Filters">
      <Select
        ref={firstRef}
        aria-label="Detector"
        placeholder="Any detector"
        data={DETECTOR_OPTIONS}
        value={filter.detector ?? null}
        onChange={(value) => onChange(value !== null && isDetector(value) ? { ...filter, detector: value } : without(filter, 'detector'))}
        clearable
        w={300}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        aria-label="Minimum score"
        placeholder="Any score"
        data={scoreOptions}
        value={minScore}
        onChange={(value) => onChange(value === null ? without(filter, 'minScore') : { ...filter, minScore: Number(value) })}
        clearable
        w={170}
      />
      {filter.designerId === undefined ? (
        <DesignerPicker onPick={(designerId) => onChange({ ...filter, designerId })} />
      ) : (
        <Pill size="lg" withRemoveButton onRemove={() => onChange(without(filter, 'designerId'))} removeButtonProps={{ 'aria-label': 'Any designer' }}>
          Designer {designerLabel ?? filter.designerId}
        </Pill>
      )}
      {Object.keys(filter).length > 0 && (
        <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
