/**
 * What `dmap import` says about a file it cannot read: a `.json` file gets a JSON error
 * (line, column, what was expected), a `.yaml` file a YAML one, a `.tf` file a Terraform
 * one, and a file whose name says no format, one sentence when it is none of them. Each
 * exits with code 2 through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/importer/json-syntax.js';
import { parseDefinitionSource } from '../../src/importer/load-definition.js';
import { runDmap } from '../cli/run-dmap.js';

const NOT_ASL = 'test/fixtures/asl/not-asl';

describe('dmap import on a file that does not parse', () => {
  it.each([
    [`${NOT_ASL}/missing-comma.asl.json`, `10:9: not valid JSON: expected ',' or '}' after the value of "StartAt", found '"'`],
    [`${NOT_ASL}/yaml-in-a-json-file.json`, "1:1: not valid JSON: expected a value (an object, a list, a string in double quotes, a number, true, false or null), found 'StartAt'"],
    [`${NOT_ASL}/terraform-syntax/main.tf`, "8:41: not valid Terraform (HCL): expected ',' or a new line after the value of Type, found 'End'"],
    [`${NOT_ASL}/notes.txt`, '1:1: is neither JSON, YAML nor Terraform (HCL): it reads as plain text ("Remember to raise MaxConcurrency befo...")'],
    [`${NOT_ASL}/state-machine.definition`, `4:39: is neither JSON, YAML nor Terraform (HCL): read as JSON, expected ',' or '}' after the value of "Type", found '"'`],
  ])('%s: one located sentence, exit 2', (file, message) => {
    const run = runDmap('import', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error:\n  ${file}:${message}\n`);
  });

  it('gives a .yaml file YAML errors', () => {
    const file = `${NOT_ASL}/tab-indented.asl.yaml`;
    const run = runDmap('import', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`2 problems:\n  ${file}:3:1: not valid YAML: Tabs are not allowed as indentation\n  ${file}:4:1: not valid YAML: Tabs are not allowed as indentation\n`);
  });
});

describe('reading by name, or by what the text looks like', () => {
  const asl = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}';

  it('reads a file with no telling name as JSON, YAML or Terraform, whichever it is', () => {
    expect(parseDefinitionSource(asl, 'definition').description).toBe('an Amazon States Language definition');
    expect(parseDefinitionSource('StartAt: A\nStates:\n  A: { Type: Pass, End: true }\n', 'definition.asl').description).toBe('an Amazon States Language definition');
    expect(parseDefinitionSource(`# the workflow\nresource "aws_sfn_state_machine" "m" {\n  definition = ${JSON.stringify(asl)}\n}\n`, 'workflow.hcl').description).toBe(
      'a Terraform configuration with 1 .tf file and 1 resource',
    );
  });

  it('reads a .json file as JSON only, and keeps a placeholder standing for a number', () => {
    expect(() => parseDefinitionSource('{"StartAt": "A", /* no */ "States": {}}', 'x.json')).toThrow(
      "x.json:1:18: not valid JSON: expected a key in double quotes, found '/' (JSON has no comments)",
    );
    const source = parseDefinitionSource('{"StartAt": "M", "States": {"M": {"Type": "Pass", "Result": ${Limit}, "End": true}}}', 'sub.asl.json');
    expect(source.machines[0]).toMatchObject({ definition: { States: { M: { Result: '${Limit}' } } } });
  });

  it('reads a JSON file that starts with a byte order mark', () => {
    expect(parseDefinitionSource(`\uFEFF${asl}`, 'bom.asl.json').description).toBe('an Amazon States Language definition');
  });

  it('reads a .tf file as Terraform only', () => {
    expect(() => parseDefinitionSource(asl, 'main.tf')).toThrow("main.tf:1:1: not valid Terraform (HCL): expected an attribute name or a block type, found '{'");
  });

  it('says a Terraform-looking file with a syntax error is none of the formats, at the error', () => {
    expect(() => parseDefinitionSource('variable "x" {\n  default = [1,\n}\n', 'vars.hcl')).toThrow(
      "vars.hcl:3:1: is neither JSON, YAML nor Terraform (HCL): read as Terraform, expected an expression, found '}'",
    );
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['', "1:1: the text is empty: expected a JSON object or list"],
    ['{"a": 1,}', '1:8: a comma after the last entry ("a") is not allowed in JSON'],
    ['[1, 2,]', '1:6: a comma after the last item of a list is not allowed in JSON'],
    ['{"a" 1}', "1:6: expected ':' after the key \"a\", found '1'"],
    ["{'a': 1}", `1:2: expected a key in double quotes, found "'" (JSON strings are in double quotes)`],
    ['{"a": [1 2]}', "1:10: expected ',' or ']' after item 1 of the list, found '2'"],
    ['{"a": "b', '1:7: the text ends inside a string: a closing \'"\' is missing'],
    ['{"a": "line\nbreak"}', "1:12: a string cannot hold a line break: write \\n, or close the string with '\"'"],
    ['{"a": "\\x"}', '1:8: \\x is not a JSON escape: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uNNNN'],
    ['{"a": tru}', "1:7: expected a value (an object, a list, a string in double quotes, a number, true, false or null), found 'tru'"],
    ['{}\n{}', "2:1: found '{' after the end of the JSON value: one object or list per file"],
    ['{\n  "a": 1\n', "3:1: expected ',' or '}' after the value of \"a\", found the end of the text"],
  ])('%j → %s', (text, expected) => {
    const problem = findJsonSyntaxError(text);
    expect(problem && `${problem.line}:${problem.column}: ${problem.message}`).toBe(expected);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}')).toBeUndefined();
  });
});
