import { describe, expect, it } from 'vitest';
import { compileQuery, SimQueryError, type QueryItem } from '../sim/routeros/sim-query';

const items: QueryItem[] = [
  { name: 'agus', profile: '10M', comment: 'lunas' },
  { name: 'budi', profile: '20M' },
  { name: 'citra', profile: '10M' },
  { name: 'dewi', profile: '20M', comment: 'lunas' },
];
const select = (...words: string[]) => items.filter(compileQuery(words)).map((item) => item.name);

describe('simulator query stack (API manual, "Queries")', () => {
  it('pushes presence, absence, equality and comparisons; every value left must be true', () => {
    expect(select()).toEqual(['agus', 'budi', 'citra', 'dewi']);
    expect(select('?comment')).toEqual(['agus', 'dewi']);
    expect(select('?-comment')).toEqual(['budi', 'citra']);
    expect(select('?profile=10M')).toEqual(['agus', 'citra']);
    expect(select('?=profile=10M')).toEqual(['agus', 'citra']);
    expect(select('?>name=b', '?<name=d')).toEqual(['budi', 'citra']);
    expect(select('?profile=10M', '?comment')).toEqual(['agus']);
  });

  it('applies ! & | and . left to right', () => {
    expect(select('?profile=10M', '?comment', '?#|')).toEqual(['agus', 'citra', 'dewi']);
    expect(select('?profile=10M', '?#!')).toEqual(['budi', 'dewi']);
    expect(select('?profile=10M', '?comment', '?#!&')).toEqual(['citra']);
    expect(select('?comment', '?#.!|')).toEqual(['agus', 'budi', 'citra', 'dewi']); // x or not x
  });

  it('copies by index (0 is the top), and an index at the end replaces the whole stack', () => {
    // [10M, lunas] → "1" copies 10M → [10M, lunas, 10M] → "|" → [10M, lunas|10M]
    expect(select('?profile=10M', '?comment', '?#1|')).toEqual(['agus', 'citra']);
    // [10M, lunas] → "1" at the end → [10M]: the comment test is dropped.
    expect(select('?profile=10M', '?comment', '?#1')).toEqual(['agus', 'citra']);
    expect(select('?profile=10M', '?comment', '?#0')).toEqual(['agus', 'dewi']);
    // "." right after an index does nothing: [20M, 20M] → "&".
    expect(select('?profile=20M', '?#0.&')).toEqual(['budi', 'dewi']);
  });

  it('refuses operations on too short a stack and unknown operations', () => {
    expect(() => select('?comment', '?#&')).toThrow(SimQueryError);
    expect(() => select('?#!')).toThrow(SimQueryError);
    expect(() => select('?comment', '?#5.')).toThrow(SimQueryError);
    expect(() => select('?comment', '?#x')).toThrow(SimQueryError);
  });

  it('compares .id values as numbers', () => {
    const ids = [{ '.id': '*9' }, { '.id': '*A' }, { '.id': '*1F' }];
    expect(ids.filter(compileQuery(['?>.id=*9'])).map((i) => i['.id'])).toEqual(['*A', '*1F']);
  });
});
