/** The nullability rule and the primitive table the models and validators share. */
import { describe, expect, it } from 'vitest';
import { isNullable, primitiveMapping } from '../../generator/emit/type-map.js';
import { entity, prop, type PropertyOptions } from './fixtures.js';

describe('isNullable', () => {
  it.each<[string, boolean, PropertyOptions, boolean]>([
    ['a single value the docs say nothing about', false, {}, true],
    ['a single value the docs call nullable', false, { nullable: true }, true],
    ['a single value the docs call not nullable', false, { nullable: false }, false],
    ['a collection the docs say nothing about', true, {}, false],
    ['a collection the docs call nullable', true, { nullable: true }, true],
    ['a collection the docs call not nullable', true, { nullable: false }, false],
  ])('%s', (_name, collection, options, expected) => {
    const property = prop('p', 'Edm.String', collection, options);
    expect(isNullable(entity('t', [property]), property)).toBe(expected);
  });

  it('never makes the key property nullable', () => {
    const id = prop('id', 'Edm.String', false, { nullable: true });
    expect(isNullable(entity('t', [id], { keyProperty: 'id' }), id)).toBe(false);
    expect(isNullable(entity('t', [id]), id)).toBe(true);
  });
});

describe('primitiveMapping', () => {
  it.each([
    ['Edm.String', 'string', 'string'],
    ['Edm.Guid', 'string', 'string'],
    ['Edm.DateTimeOffset', 'string', 'string'],
    ['Edm.Binary', 'string', 'string'],
    ['Edm.Stream', 'string', 'string'],
    ['Edm.Int64', 'number', 'integer'],
    ['Edm.Byte', 'number', 'integer'],
    ['Edm.Decimal', 'number', 'number'],
    ['Edm.Double', 'number', 'number'],
    ['Edm.Boolean', 'boolean', 'boolean'],
    ['Edm.Untyped', 'unknown', 'any'],
    ['Edm.GeographyPoint', 'unknown', 'any'],
    ['Edm.toString', 'unknown', 'any'],
  ])('%s is %s, checked as %s', (edm, ts, check) => {
    expect(primitiveMapping(edm)).toEqual({ ts, check });
  });
});
