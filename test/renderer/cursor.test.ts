// The cursor follows its row as rows arrive and leave (no jump under the moderator's eyes).
import { describe, expect, it } from 'vitest';
import { idsBetween, reanchor, step } from '../../renderer/src/features/queues/cursor';

const rows = (ids: string[]) => (i: number) => {
  const id = ids[i];
  return id === undefined ? undefined : { id };
};

describe('the queue cursor', () => {
  it('stays when its row is still where it was', () => {
    expect(reanchor({ index: 2, id: 'c' }, rows(['a', 'b', 'c', 'd']), 4)).toEqual({ index: 2, id: 'c', shift: 0 });
  });

  it('moves with its row when rows arrive above it, and says by how much', () => {
    expect(reanchor({ index: 2, id: 'c' }, rows(['x', 'y', 'a', 'b', 'c', 'd']), 6)).toEqual({ index: 4, id: 'c', shift: 2 });
  });

  it('moves up with its row when rows above it leave', () => {
    expect(reanchor({ index: 2, id: 'c' }, rows(['b', 'c', 'd']), 3)).toEqual({ index: 1, id: 'c', shift: -1 });
  });

  it('stays on the same line, now the next row, when its own row left', () => {
    expect(reanchor({ index: 2, id: 'c' }, rows(['a', 'b', 'd', 'e']), 4)).toEqual({ index: 2, id: 'd', shift: 0 });
  });

  it('stays inside the queue when the last row left', () => {
    expect(reanchor({ index: 3, id: 'd' }, rows(['a', 'b', 'c']), 3)).toEqual({ index: 2, id: 'c', shift: 0 });
    expect(reanchor({ index: 0, id: 'a' }, rows([]), 0)).toEqual({ index: 0, id: null, shift: 0 });
  });

  it('waits while the rows around it are not loaded yet', () => {
    expect(reanchor({ index: 250, id: 'z' }, rows([]), 1000)).toEqual({ index: 250, id: 'z', shift: 0 });
  });

  it('steps within the queue and selects ranges of loaded rows', () => {
    const at = rows(['a', 'b', 'c']);
    expect(step({ index: 2, id: 'c' }, 1, 3, at)).toEqual({ index: 2, id: 'c' });
    expect(step({ index: 0, id: 'a' }, -1, 3, at)).toEqual({ index: 0, id: 'a' });
    expect(step({ index: 0, id: 'a' }, 1, 3, at)).toEqual({ index: 1, id: 'b' });
    expect(idsBetween(2, 0, at)).toEqual(['a', 'b', 'c']);
  });
});
