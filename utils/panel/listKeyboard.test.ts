import { describe, expect, it } from 'vitest';
import { nextListIndex } from './listKeyboard';

describe('nextListIndex: keyboard moves in the token and tool lists', () => {
  it('steps with the arrows, jumps with Home and End, and stays inside the list', () => {
    expect(nextListIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextListIndex('ArrowUp', 1, 3)).toBe(0);
    expect(nextListIndex('Home', 2, 3)).toBe(0);
    expect(nextListIndex('End', 0, 3)).toBe(2);
    expect(nextListIndex('ArrowDown', 2, 3)).toBeUndefined();
    expect(nextListIndex('ArrowUp', 0, 3)).toBeUndefined();
    expect(nextListIndex('a', 0, 3)).toBeUndefined();
    // Nothing selected yet: Down picks the first.
    expect(nextListIndex('ArrowDown', -1, 3)).toBe(0);
  });
});
