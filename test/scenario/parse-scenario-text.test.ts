import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, UserInputError } from '../../src/errors.js';
import { parseScenarioText } from '../../src/scenario/index.js';

function problemsOf(text: string, file = 'bad.yaml'): string[] {
  try {
    parseScenarioText(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).problems.map(formatProblem);
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenarioText', () => {
  it('reports all five mistakes of a file at once, with file, line, field, rule and value', () => {
    const file = 'test/fixtures/five-mistakes.yaml';
    expect(problemsOf(readFileSync(file, 'utf8'), file)).toEqual([
      'test/fixtures/five-mistakes.yaml:4:16: itemReader.objectCount: must be ≥ 0 (got -5)',
      'test/fixtures/five-mistakes.yaml:6:21: itemBatcher.maxItemsPerBatch: must be ≥ 1 (got 0)',
      'test/fixtures/five-mistakes.yaml:7:16: maxConcurency: unknown field; did you mean `maxConcurrency`? (got 3000)',
      'test/fixtures/five-mistakes.yaml:8:16: executionType: must be one of "STANDARD", "EXPRESS". Did you mean `EXPRESS`? (got "EXPRES")',
      'test/fixtures/five-mistakes.yaml:10:56: lambda.perItemDurationMs.p99: p99 must be greater than p50 (got 50)',
    ]);
  });

  it('accepts the same scenario as JSON', () => {
    const json = JSON.stringify({
      name: 'json',
      itemReader: { source: 'inline', itemCount: 3 },
      lambda: { perItemDurationMs: 10 },
    });
    const { scenario } = parseScenarioText(json, 'x.json');
    expect(scenario.maxConcurrency).toBe(0);
    expect(scenario.lambda?.invocationOverheadMs).toEqual({ type: 'constant', value: 0 });
  });

  it('locates YAML syntax errors', () => {
    const problems = problemsOf('name: a\n  itemReader: [\n');
    expect(problems[0]).toBe('bad.yaml:1:7: not valid YAML or JSON: Nested mappings are not allowed in compact mappings');
  });

  it('rejects duplicate keys instead of keeping the last one', () => {
    const problems = problemsOf('name: a\nname: b\n');
    expect(problems[0]).toMatch(/bad\.yaml:2:1: not valid YAML or JSON: Map keys must be unique/);
  });

  it('points a missing field at its parent', () => {
    const problems = problemsOf('name: a\nitemReader:\n  source: inline\nlambda: {}\n');
    expect(problems).toEqual([
      'bad.yaml:3:3: itemReader.itemCount: is required (a number)',
      'bad.yaml:4:9: lambda.perItemDurationMs: is required (a number or a distribution)',
    ]);
  });
});
