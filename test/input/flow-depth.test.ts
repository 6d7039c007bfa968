import { describe, expect, it } from 'vitest';
import { excessiveFlowDepth } from '../../src/input/flow-depth.js';

describe('excessiveFlowDepth', () => {
  it('finds the bracket that opens one level too many', () => {
    expect(excessiveFlowDepth('a: [[[1]]]', 3)).toBeUndefined();
    expect(excessiveFlowDepth('a: [[[[1]]]]', 3)).toBe(6);
    expect(excessiveFlowDepth('{a: [{b: [1]}]}', 3)).toBe(9);
  });

  it('skips brackets in quoted strings and comments', () => {
    expect(excessiveFlowDepth(`a: "[[[[[\\"[[["\nb: '[[[[['\n# [[[[[\nc: [1]`, 2)).toBeUndefined();
  });

  it('counts closed levels back down', () => {
    expect(excessiveFlowDepth('[[1], [2], [[3]]]', 3)).toBeUndefined();
  });
});
