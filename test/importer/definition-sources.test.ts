/**
 * Reading what `dmap import` is given: CloudFormation short-form tags, intrinsic
 * functions rendered as `${...}` markers, and the kinds of input it recognises or not.
 */
import { describe, expect, it } from 'vitest';
import { parseCfnText } from '../../src/importer/cfn-yaml.js';
import { importDefinition } from '../../src/importer/import-definition.js';
import { quoteBareMarkers, renderIntrinsic, substitute } from '../../src/importer/intrinsics.js';
import { parseDefinitionSource, type LoadedDefinition } from '../../src/importer/load-definition.js';

describe('CloudFormation YAML', () => {
  it('turns short-form tags into their long forms, in scalar, list and map form', () => {
    const { value } = parseCfnText(
      [
        'a: !Ref Bucket',
        'b: !GetAtt Fn.Arn',
        'c: !Join ["/", [!GetAtt Bucket.Arn, "*"]]',
        'd: !Sub',
        '  - "arn:${AWS::Partition}:x:${Name}"',
        '  - Name: !Ref Thing',
        'e: !Select [0, !GetAZs ""]',
        'f: !Condition IsProd',
      ].join('\n'),
      't.yaml',
    );
    expect(value).toEqual({
      a: { Ref: 'Bucket' },
      b: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      c: { 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '*']] },
      d: { 'Fn::Sub': ['arn:${AWS::Partition}:x:${Name}', { Name: { Ref: 'Thing' } }] },
      e: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      f: { Condition: 'IsProd' },
    });
  });

  it('locates syntax errors', () => {
    expect(() => parseCfnText('a: [1, 2\nb: 3\n', 'bad.yaml')).toThrow(/^bad\.yaml:\d+:\d+: not valid JSON or YAML: /);
  });
});

describe('intrinsic functions as text', () => {
  it('keeps what only CloudFormation knows as a ${...} marker and fills in the partition', () => {
    expect(renderIntrinsic({ Ref: 'AWS::Partition' })).toBe('aws');
    expect(renderIntrinsic({ Ref: 'Bucket' })).toBe('${Bucket}');
    expect(renderIntrinsic({ 'Fn::GetAtt': ['Fn', 'Arn'] })).toBe('${Fn.Arn}');
    expect(renderIntrinsic({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::lambda:invoke']] })).toBe('arn:aws:states:::lambda:invoke');
    expect(renderIntrinsic({ 'Fn::Sub': ['${A}-${B}-${AWS::Region}', { A: 1, B: { 'Fn::GetAtt': ['F', 'Arn'] } }] })).toBe('1-${F.Arn}-${AWS::Region}');
    expect(renderIntrinsic({ 'Fn::ImportValue': 'shared-arn' })).toBe('${Fn::ImportValue}');
  });

  it('substitutes, unescapes ${!Literal} and leaves unknown placeholders', () => {
    expect(substitute('${A} ${!A} ${B}', { A: 'x' })).toBe('x ${A} ${B}');
  });

  it('quotes a marker standing for a number outside a JSON string, and only there', () => {
    expect(quoteBareMarkers('{"MaxConcurrency": ${Limit}, "Bucket": "${B}", "S": "a\\"${C}"}')).toBe('{"MaxConcurrency": "${Limit}", "Bucket": "${B}", "S": "a\\"${C}"}');
  });
});

describe('what is found', () => {
  it('skips a state machine whose definition is in S3, and says so when nothing else is left', () => {
    const text = [
      'Resources:',
      '  Remote:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionS3Location: { Bucket: b, Key: k.json }',
    ].join('\n');
    const source = parseDefinitionSource(text, 'remote.yaml');
    expect(source.machines).toEqual([]);
    expect(source.skipped).toEqual([{ logicalId: 'Remote', reason: 'its definition is in Amazon S3 (DefinitionUri or DefinitionS3Location): download it and import that file' }]);
    expect(() => importDefinition(source as LoadedDefinition)).toThrow(
      'remote.yaml: no Distributed Map (a Map state whose ItemProcessor.ProcessorConfig.Mode is DISTRIBUTED): found a CloudFormation template with 1 resource and no state machine it could read; Remote was not read: its definition is in Amazon S3 (DefinitionUri or DefinitionS3Location): download it and import that file',
    );
  });

  it('names the field of a DefinitionString that is not JSON', () => {
    const text = ['Resources:', '  M:', '    Type: AWS::StepFunctions::StateMachine', '    Properties:', '      DefinitionString: "{ not json"'].join('\n');
    expect(() => parseDefinitionSource(text, 't.yaml')).toThrow(/^t\.yaml: Resources\.M\.Properties\.DefinitionString: is not valid JSON once its intrinsic functions are rendered: /);
  });

  it('says what a non-object file is', () => {
    expect(() => parseDefinitionSource('- a\n- b\n', 'list.yaml')).toThrow('list.yaml: found a list of 2 entries: not an Amazon States Language definition');
    expect(() => parseDefinitionSource('', 'empty.json')).toThrow('empty.json: found an empty document: not an Amazon States Language definition');
  });

  it('finds a Distributed Map nested in another one\'s child, with its path', () => {
    const inner = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:eu-west-1:1:function:f', End: true } } }, End: true };
    const outer = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Inner', States: { Inner: inner } }, End: true };
    const source = parseDefinitionSource(JSON.stringify({ StartAt: 'Outer', States: { Outer: outer } }), 'nested.asl.json');
    const { maps } = importDefinition(source as LoadedDefinition);
    expect(maps.map((m) => m.map.id)).toEqual(['States.Outer', 'States.Outer.ItemProcessor.States.Inner']);
    expect(maps[0]?.document['childWorkflow']).toEqual({ startAt: 'Inner', states: { Inner: { type: 'Pass', end: true } } });
    expect(maps[0]?.notes.find((n) => n.kind === 'unsupported')?.message).toBe(
      '"Inner" is a Distributed Map: it starts a Map Run of its own, which is not simulated inside this child; a Pass state stands in for it (one transition). Import it separately with --map "States.Outer.ItemProcessor.States.Inner"',
    );
  });
});

describe('deploy-time values in an inline Definition', () => {
  it('reads !Ref of a parameter with a numeric default, and asks for one without', () => {
    const text = [
      'Parameters:',
      '  Limit: { Type: Number, Default: 75 }',
      '  Tolerance: { Type: Number }',
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: D',
      '        States:',
      '          D:',
      '            Type: Map',
      '            MaxConcurrency: !Ref Limit',
      '            ToleratedFailureCount: !Ref Tolerance',
      '            ItemProcessor:',
      '              ProcessorConfig: { Mode: DISTRIBUTED }',
      '              StartAt: T',
      '              States: { T: { Type: Task, Resource: "arn:aws:lambda:eu-west-1:1:function:f", End: true } }',
      '            End: true',
    ].join('\n');
    const [m] = importDefinition(parseDefinitionSource(text, 'params.yaml') as LoadedDefinition).maps;
    expect(m?.document).toMatchObject({ maxConcurrency: 75, toleratedFailureCount: null });
    expect(m?.notes.filter((n) => n.field === 'maxConcurrency' || n.field === 'toleratedFailureCount').map((n) => `${n.kind}: ${n.message}`)).toEqual([
      'read: MaxConcurrency 75, the default of template parameter Limit',
      'required: ToleratedFailureCount is "${Tolerance}", a placeholder filled in when the stack is deployed: give the deployed value',
    ]);
  });
});
