import { describe, expect, it } from 'vitest';
import type { TypeKind } from '../../generator/model/ir.js';
import { expectedType, type Expectation, type MessageShape, type OperationShape, type Problem, type Role } from '../../scripts/example-validation/expected-type.js';
import { emptyTally, formatTally, record, samplesOf, type BodyRef } from '../../scripts/example-validation/tally.js';

const KINDS: Record<string, TypeKind> = {
  'microsoft.graph.user': 'entity',
  'microsoft.graph.message': 'entity',
  'microsoft.graph.recipient': 'complex',
  'microsoft.graph.ghost': 'unresolved',
  'microsoft.graph.state': 'enum',
  'microsoft.graph.page': 'complex',
};
const types = { kindOf: (name: string) => KINDS[name], declares: (name: string, property: string) => name === 'microsoft.graph.page' && property === 'value' };

const op = (over: Partial<OperationShape> = {}): OperationShape => ({
  kind: 'get',
  resource: null,
  response: { status: 200, type: null },
  parameters: [],
  requestBody: null,
  ...over,
});
const body = (value: unknown, over: Partial<MessageShape> = {}): MessageShape => ({ body: value, bodyParsed: true, ...over });
const at = { file: 'v1.0/api/x.md', line: 1, column: 1 };
const user = { name: 'microsoft.graph.user', isCollection: false };
const users = { name: 'microsoft.graph.user', isCollection: true };

/** What the expectation comes to, compactly: a skip reason, or rule + target + checks (type@path) + own problems (kind@path). */
function summary(e: Expectation): string {
  if (e.outcome === 'skip') return `skip: ${e.reason}`;
  const checks = e.checks.map((c) => `${c.type}@${c.path}`);
  const problems = e.problems.map((p) => `${p.kind}@${p.path}`);
  return [`${e.rule} ${e.target}`, ...checks, ...problems].join(' | ');
}

const CASES: [string, { role: Role; op: OperationShape; message: MessageShape; want: string }][] = [
  ['unparsed body', { role: 'response', op: op({ response: { status: 200, type: user } }), message: { rawBody: '{ oops', bodyParsed: false }, want: 'skip: unparsed' }],
  ['response annotation wins', { role: 'response', op: op({ response: { status: 200, type: users } }), message: body({}, { odataType: 'microsoft.graph.message' }), want: 'response annotation microsoft.graph.message | microsoft.graph.message@$' }],
  ['annotation #, isCollection', { role: 'response', op: op(), message: body({ value: [{}, {}] }, { odataType: '#microsoft.graph.user', isCollection: true }), want: 'response annotation Collection(microsoft.graph.user) | microsoft.graph.user@$.value[0] | microsoft.graph.user@$.value[1]' }],
  ['annotation collection(...) any case', { role: 'response', op: op(), message: body({ value: [{}] }, { odataType: 'collection(microsoft.graph.user)' }), want: 'response annotation Collection(microsoft.graph.user) | microsoft.graph.user@$.value[0]' }],
  ['response section type', { role: 'response', op: op({ response: { status: 200, type: user } }), message: body({}), want: 'response section microsoft.graph.user | microsoft.graph.user@$' }],
  ['collection without value', { role: 'response', op: op({ response: { status: 200, type: users } }), message: body({ id: '1' }), want: 'skip: collection without value array' }],
  ['bare array collection', { role: 'response', op: op({ response: { status: 200, type: users } }), message: body([{}]), want: 'response section Collection(microsoft.graph.user) | microsoft.graph.user@$[0]' }],
  ['no type', { role: 'response', op: op(), message: body({}), want: 'skip: no type' }],
  ['Edm primitive', { role: 'response', op: op({ response: { status: 200, type: { name: 'Edm.String', isCollection: false } } }), message: body({ value: 'x' }), want: 'skip: primitive' }],
  ['bare primitive annotation', { role: 'response', op: op(), message: body('x', { odataType: 'stream' }), want: 'skip: primitive' }],
  ['enum wrapped in value', { role: 'response', op: op({ kind: 'function', response: { status: 200, type: { name: 'microsoft.graph.state', isCollection: false } } }), message: body({ '@odata.context': 'c', value: 'on' }), want: 'response section microsoft.graph.state | microsoft.graph.state@$.value' }],
  ['enum not wrapped', { role: 'response', op: op(), message: body('on', { odataType: 'microsoft.graph.state' }), want: 'response annotation microsoft.graph.state | microsoft.graph.state@$' }],
  ['object type with a value property is not unwrapped', { role: 'response', op: op(), message: body({ value: {} }, { odataType: 'microsoft.graph.user' }), want: 'response annotation microsoft.graph.user | microsoft.graph.user@$' }],
  ['annotation without isCollection, collection shape', { role: 'response', op: op(), message: body({ '@odata.context': 'c', '@odata.nextLink': 'n', value: [{}] }, { odataType: 'microsoft.graph.user' }), want: 'response annotation, collection by body shape Collection(microsoft.graph.user) | microsoft.graph.user@$.value[0]' }],
  ['section single type, collection shape', { role: 'response', op: op({ response: { status: 200, type: user } }), message: body({ value: [] }), want: 'response section, collection by body shape Collection(microsoft.graph.user)' }],
  ['a type with a value property keeps its shape', { role: 'response', op: op(), message: body({ value: [1] }, { odataType: 'microsoft.graph.page' }), want: 'response annotation microsoft.graph.page | microsoft.graph.page@$' }],
  ['value plus other properties is not a collection', { role: 'response', op: op(), message: body({ value: [{}], id: '1' }, { odataType: 'microsoft.graph.user' }), want: 'response annotation microsoft.graph.user | microsoft.graph.user@$' }],
  ['unknown type', { role: 'response', op: op(), message: body({}, { odataType: 'microsoft.graph.nope' }), want: 'skip: unknown type' }],
  ['unresolved type', { role: 'response', op: op(), message: body({}, { odataType: 'microsoft.graph.ghost' }), want: 'skip: unresolved type' }],
  ['create: resource', { role: 'request', op: op({ kind: 'create', resource: 'microsoft.graph.user' }), message: body({}, { odataType: 'microsoft.graph.message' }), want: 'request resource microsoft.graph.user | microsoft.graph.user@$' }],
  [
    'action: parameters',
    {
      role: 'request',
      op: op({ kind: 'action', resource: 'microsoft.graph.message', parameters: [{ name: 'comment', type: { name: 'Edm.String', isCollection: false }, description: '', source: at }, { name: 'toRecipients', type: { name: 'microsoft.graph.recipient', isCollection: true }, description: '', source: at }] }),
      message: body({ comment: 'hi', toRecipients: [{}, {}], 'x@odata.type': 'y', extra: 1, other: null }),
      want: 'request parameters { comment, toRecipients } | Edm.String@$.comment | microsoft.graph.recipient@$.toRecipients[0] | microsoft.graph.recipient@$.toRecipients[1] | unknown-property@$.extra | unknown-property@$.other',
    },
  ],
  [
    'action: collection parameter not an array, null allowed',
    { role: 'request', op: op({ kind: 'action', parameters: [{ name: 'to', type: { name: 'Edm.String', isCollection: true }, description: '', source: at }, { name: 'n', type: { name: 'Edm.Int32', isCollection: false }, description: '', source: at }] }), message: body({ to: 'a', n: null }), want: 'request parameters { to, n } | type@$.to' },
  ],
  ['other: request-body table', { role: 'request', op: op({ kind: 'other', requestBody: [{ name: 'user', type: user, description: '', source: at }] }), message: body({ user: {} }), want: 'request body table { user } | microsoft.graph.user@$.user' }],
  ['update without resource, no table', { role: 'request', op: op({ kind: 'update' }), message: body({}), want: 'skip: no type' }],
  ['parameter object that is not an object', { role: 'request', op: op({ kind: 'action', parameters: [{ name: 'a', type: user, description: '', source: at }] }), message: body([1]), want: 'request parameters { a } | type@$' }],
];

describe('expectedType', () => {
  it.each(CASES)('%s', (_name, { role, op, message, want }) => {
    expect(summary(expectedType(role, op, message, types))).toBe(want);
  });
});

const problem = (kind: string, path = '$.x'): Problem => ({ path, kind, expected: 'e', actual: 'a', message: 'm' });
const ref = (file: string, over: Partial<BodyRef> = {}): BodyRef => ({ version: 'v1.0', role: 'response', at: `${file}:3`, file, truncated: false, ...over });
const check: Expectation = { outcome: 'check', rule: 'response section', target: 'microsoft.graph.user', checks: [], problems: [] };

describe('tally', () => {
  const runs: [string, { bodies: [BodyRef, Expectation, Problem[]][]; want: Record<string, unknown> }][] = [
    [
      'counts checked, valid, invalid, skips, kinds and truncated bodies',
      {
        bodies: [
          [ref('a.md'), check, []],
          [ref('a.md', { truncated: true }), check, [problem('enum'), problem('null')]],
          [ref('b.md', { role: 'request' }), check, [problem('null')]],
          [ref('c.md'), { outcome: 'skip', reason: 'primitive' }, []],
          [ref('c.md', { truncated: true }), { outcome: 'skip', reason: 'primitive' }, []],
          [ref('d.md', { version: 'beta' }), { outcome: 'skip', reason: 'unparsed' }, []],
        ],
        want: {
          considered: 6,
          checked: 3,
          valid: 1,
          invalid: 2,
          skipped: { primitive: 2, unparsed: 1 },
          problemsByKind: { enum: 1, null: 2 },
          invalidByFirstKind: { enum: 1, null: 1 },
          truncated: { considered: 2, checked: 1, valid: 0, invalid: 1 },
          byVersionRole: { 'v1.0 response': { checked: 2, valid: 1, invalid: 1 }, 'v1.0 request': { checked: 1, valid: 0, invalid: 1 } },
          byRule: { 'response section': 3 },
        },
      },
    ],
  ];
  it.each(runs)('%s', (_name, { bodies, want }) => {
    const tally = emptyTally();
    for (const [body, expectation, problems] of bodies) record(tally, body, expectation, problems);
    const { candidates: _candidates, ...figures } = tally;
    expect(figures).toEqual(want);
  });

  it('keeps one sample per file and kind, spread evenly', () => {
    const tally = emptyTally();
    for (let i = 0; i < 20; i++) record(tally, ref(`f${String(i).padStart(2, '0')}.md`), check, [problem('type', `$.p${i}`), problem('type', '$.again')]);
    expect(samplesOf(tally, 'type', 4).map((s) => s.problem.path)).toEqual(['$.p0', '$.p5', '$.p10', '$.p15']);
    expect(samplesOf(tally, 'enum', 4)).toEqual([]);
    expect(formatTally(tally, 2)).toContain('samples of type (20 files):\n  f00.md:3 response $.p0 as microsoft.graph.user: expected e, got a\n  f10.md:3');
  });
});
