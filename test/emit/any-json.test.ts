/**
 * Graph's `microsoft.graph.Json` holds any JSON value (workbook formulas,
 * values, chart axis bounds): a property of that type is `unknown` in the
 * models and accepts any JSON in the validators, while the type is still declared.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { referencedTypeName } from '../../generator/emit/type-map.js';
import { complex, contextFor, GRAPH, prop } from './fixtures.js';
import { emitAll, fn, formatFiles, loadValidators, typecheck, writeFiles, type LoadedValidators, type Problem } from './harness.js';

const JSON_TYPE = `${GRAPH}.Json`;

const types = () => [
  complex('Json', [], { description: 'Represents data returned in JSON format.' }),
  complex('workbookRange', [
    prop('formulas', JSON_TYPE),
    prop('address', 'Edm.String'),
    prop('history', JSON_TYPE, true),
    prop('fixed', JSON_TYPE, false, { nullable: false }),
  ]),
];

describe('referencedTypeName', () => {
  it.each([
    [JSON_TYPE, 'Edm.Untyped'],
    [`${GRAPH}.json`, `${GRAPH}.json`],
    [`${GRAPH}.workbookRange`, `${GRAPH}.workbookRange`],
    ['Edm.String', 'Edm.String'],
  ])('%s is emitted as %s', (name, want) => {
    expect(referencedTypeName(name)).toBe(want);
  });
});

describe('a property typed microsoft.graph.Json', () => {
  let module: LoadedValidators;
  beforeAll(async () => {
    module = await loadValidators(contextFor(types()));
  });
  const validate = (value: unknown) => fn<(value: unknown) => Problem[]>(module, 'validateWorkbookRange')(value).map((p) => [p.path, p.kind]);

  it.each<[string, unknown, [string, string][]]>([
    ['a string', { formulas: '=SUM(A1:A2)' }, []],
    ['a number', { formulas: 3.5 }, []],
    ['an array of arrays', { formulas: [['=A1', 2], [null, true]] }, []],
    ['an object', { formulas: { any: ['thing'] } }, []],
    ['null where nullable', { formulas: null }, []],
    ['null where the docs say not nullable', { fixed: null }, [['$.fixed', 'null']]],
    ['a collection of anything', { history: ['a', 1, [2], { b: 3 }] }, []],
    ['a collection that is not an array', { history: 'a' }, [['$.history', 'type']]],
    ['the other properties still checked', { formulas: 'x', address: 1 }, [['$.address', 'type']]],
  ])('accepts any JSON: %s', (_name, value, want) => {
    expect(validate(value)).toEqual(want);
  });

  it('is unknown in the models, and the Json type is still declared', async () => {
    const files = await formatFiles(emitAll(contextFor(types())));
    const models = files.filter((f) => f.path.includes('/models/')).map((f) => f.content).join('\n');
    expect(models).toMatch(/formulas\?: unknown;/);
    expect(models).toMatch(/history\?: unknown\[\];/);
    expect(models).toMatch(/fixed\?: unknown;/);
    expect(models).toMatch(/export interface Json\b/);
    const consumer = `import type { WorkbookRange } from './v1.0/models/index.js';
export const range: WorkbookRange = { formulas: [['=A1', 2]], history: ['x', 1], fixed: 'text' };
`;
    const dir = writeFiles([...files, { path: 'consumer.ts', content: consumer }]);
    expect(typecheck(dir, ['consumer.ts'])).toEqual([]);
  });
});
