import { describe, expect, it } from 'vitest';
import { spaceAction, type SpaceContext } from '../../../src/ui/controllers/shortcuts-controller';

const base: SpaceContext = { screen: 'live', session: true, liveBusy: false, finished: false, nextItem: false };

describe('space bar on each screen', () => {
  it('ends a running set, but not during the placement check or after the set ended', () => {
    expect(spaceAction(base)).toBe('end-set');
    expect(spaceAction({ ...base, liveBusy: true })).toBeNull();
    expect(spaceAction({ ...base, session: false })).toBeNull();
  });
  it('after a set: the next set, then the programme\'s next exercise, then nothing', () => {
    expect(spaceAction({ ...base, screen: 'summary' })).toBe('next-set');
    expect(spaceAction({ ...base, screen: 'summary', finished: true, nextItem: true })).toBe('next-exercise');
    expect(spaceAction({ ...base, screen: 'summary', finished: true })).toBeNull();
  });
  it('starts the selected exercise on the picker and does nothing on history, programme or report', () => {
    expect(spaceAction({ ...base, screen: 'pick', session: false })).toBe('start-selected');
    for (const screen of ['history', 'programme', 'report']) expect(spaceAction({ ...base, screen })).toBeNull();
  });
});
