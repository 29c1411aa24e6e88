/**
 * The generated validators on values no JSON parser makes: nesting far past
 * the call stack, getters and Proxies that throw, cycles, and objects that are
 * not plain JSON objects (Map, Set, Date, class instances). Every case runs the
 * emitted, transpiled validators of the inheritance fixture (`user.manager` is a
 * `directoryObject`, and `@odata.type` lets it be a `user` again, so payloads
 * can nest without end).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { fn, loadValidators, type LoadedValidators, type Problem } from './harness.js';

const USER = '#microsoft.graph.user';
const MAX_DEPTH = 1000;

let validateUser: (value: unknown) => Problem[];
let isUser: (value: unknown) => boolean;
let runtime: LoadedValidators;

beforeAll(async () => {
  runtime = await loadValidators(CASES.inheritance!.ctx());
  validateUser = fn(runtime, 'validateUser');
  isUser = fn(runtime, 'isUser');
});

const summary = (problems: Problem[]) => problems.map((p) => [p.path, p.kind]);

/** A user whose manager is a user whose manager is ... `levels` objects in all. */
function managers(levels: number, innermost: object = {}): object {
  let value: object = { '@odata.type': USER, ...innermost };
  for (let i = 1; i < levels; i++) value = { '@odata.type': USER, displayName: `u${i}`, manager: value };
  return value;
}

/** The same through collections: `memberOf: [user]`, `levels` objects in all. */
function memberships(levels: number): object {
  let value: object = { '@odata.type': USER };
  for (let i = 1; i < levels; i++) value = { '@odata.type': USER, memberOf: [value] };
  return value;
}

describe('deep payloads', () => {
  it('walks nesting up to MAX_DEPTH objects and finds a problem at the bottom', () => {
    expect(runtime['MAX_DEPTH']).toBe(MAX_DEPTH);
    expect(validateUser(managers(MAX_DEPTH))).toEqual([]);
    expect(isUser(managers(MAX_DEPTH))).toBe(true);
    expect(summary(validateUser(managers(MAX_DEPTH, { displayName: 1 })))).toEqual([[`$${'.manager'.repeat(MAX_DEPTH - 1)}.displayName`, 'type']]);
  });

  it.each([
    ['10,000 managers', managers(10_000), '.manager'],
    ['100,000 managers', managers(100_000), '.manager'],
    ['10,000 memberships', memberships(10_000), '.memberOf[0]'],
  ])('reports %s as one limit problem at the first object too deep, and returns', (_, payload, step) => {
    const problems = validateUser(payload);
    expect(summary(problems)).toEqual([[`$${step.repeat(MAX_DEPTH)}`, 'limit']]);
    expect(problems[0]).toMatchObject({ expected: 'at most 1000 nested objects', actual: 'deeper nesting' });
    expect(problems[0]?.message).toMatch(/^Unexpected deeper nesting at \$\.\S+, expected at most 1000 nested objects$/);
    expect(isUser(payload)).toBe(false);
  });

  it('reports a problem above the limit as well as the limit', () => {
    const payload = { '@odata.type': USER, displayName: 5, manager: managers(5_000) };
    expect(summary(validateUser(payload))).toEqual([
      ['$.displayName', 'type'],
      [`$${'.manager'.repeat(MAX_DEPTH)}`, 'limit'],
    ]);
  });
});

describe('values that throw when read', () => {
  it('reports a throwing getter at its path and checks the other properties', () => {
    const payload = {
      displayName: 1,
      get manager(): never {
        throw new Error('boom');
      },
      accountEnabled: 'yes',
    };
    expect(validateUser(payload)).toContainEqual({
      path: '$.manager',
      kind: 'unreadable',
      expected: 'a readable value',
      actual: 'exception on read',
      message: 'Unexpected exception on read at $.manager, expected a readable value',
    });
    expect(summary(validateUser(payload))).toEqual([
      ['$.displayName', 'type'],
      ['$.manager', 'unreadable'],
      ['$.accountEnabled', 'type'],
    ]);
    expect(isUser(payload)).toBe(false);
  });

  it('reports an item getter in a collection at the item', () => {
    const items = [{ '@odata.type': USER }];
    Object.defineProperty(items, 1, { enumerable: true, get: () => { throw new TypeError('no'); } });
    expect(summary(validateUser({ memberOf: items }))).toEqual([['$.memberOf[1]', 'unreadable']]);
  });

  const throwing = () => {
    throw new Error('trap');
  };
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  it.each<[string, unknown, [string, string][]]>([
    ['a Proxy whose traps all throw', new Proxy({}, { ownKeys: throwing, get: throwing, getPrototypeOf: throwing, getOwnPropertyDescriptor: throwing, has: throwing }), [['$', 'unreadable']]],
    ['a revoked Proxy', revoked, [['$', 'unreadable']]],
    ['a revoked Proxy as a property', { manager: revoked }, [['$.manager', 'unreadable']]],
    ['a Proxy whose @odata.type getter throws', new Proxy({ '@odata.type': USER, displayName: 'x' }, { get: (target, key) => (key === '@odata.type' ? throwing() : Reflect.get(target, key)) }), [['$', 'unreadable']]],
    ['an array Proxy whose length throws', { memberOf: new Proxy([], { get: (target, key) => (key === 'length' ? throwing() : Reflect.get(target, key)) }) }, [['$.memberOf', 'unreadable']]],
    ['a non-plain object whose Symbol.toStringTag throws', { manager: new (class Odd { get [Symbol.toStringTag](): string { return throwing(); } })() }, [['$.manager', 'unreadable']]],
  ])('%s is a problem, not an exception', (_, value, expected) => {
    expect(summary(validateUser(value))).toEqual(expected);
    expect(isUser(value)).toBe(false);
  });
});

describe('objects that are not plain JSON objects', () => {
  class Account {
    get displayName(): string {
      return 'x';
    }
  }
  it.each<[string, unknown, string]>([
    ['a Map', new Map([['displayName', 'x']]), 'Map'],
    ['a Set', new Set(['x']), 'Set'],
    ['a Date', new Date(0), 'Date'],
    ['a RegExp', /x/, 'RegExp'],
    ['a class instance with no own enumerable data', new Account(), 'Account instance'],
    ['an array', [{ displayName: 'x' }], 'array'],
    ['a function', () => ({}), 'function'],
    ['a boxed string', Object('x') as object, 'String'],
  ])('%s is a type problem where an object is expected', (_, value, actual) => {
    expect(validateUser(value)).toEqual([
      { path: '$', kind: 'type', expected: 'object (microsoft.graph.user)', actual, message: `Unexpected ${actual} at $, expected object (microsoft.graph.user)` },
    ]);
    expect(isUser(value)).toBe(false);
    expect(summary(validateUser({ manager: value }))).toEqual([['$.manager', 'type']]);
  });

  it('accepts an object with a null prototype', () => {
    const value = Object.assign(Object.create(null) as object, { '@odata.type': USER, displayName: 'x', manager: Object.assign(Object.create(null) as object, { id: '1' }) });
    expect(validateUser(value)).toEqual([]);
    expect(isUser(value)).toBe(true);
  });

  it('names a Map where a string is expected', () => {
    expect(validateUser({ displayName: new Map() })).toMatchObject([{ path: '$.displayName', kind: 'type', actual: 'Map' }]);
  });
});

describe('cycles and Proxies that never end', () => {
  it('cuts a cycle through an object and through a collection', () => {
    const user: Record<string, unknown> = { '@odata.type': USER, displayName: 'x' };
    user['manager'] = user;
    user['memberOf'] = [user, { '@odata.type': USER, manager: user }];
    expect(validateUser(user)).toEqual([]);
    expect(isUser(user)).toBe(true);
    user['displayName'] = 1;
    expect(summary(validateUser(user))).toEqual([['$.displayName', 'type']]);
  });

  it('checks a shared object at each place it appears', () => {
    const shared = { '@odata.type': USER, displayName: 1 };
    expect(summary(validateUser({ manager: shared, memberOf: [shared] }))).toEqual([
      ['$.manager.displayName', 'type'],
      ['$.memberOf[0].displayName', 'type'],
    ]);
  });

  const descriptor = { configurable: true, enumerable: true, writable: true, value: undefined };
  /** A Proxy that is a user (by @odata.type) whose manager is `next()`. */
  const endless = (next: () => unknown): object =>
    new Proxy(
      {},
      {
        ownKeys: () => ['@odata.type', 'manager'],
        getOwnPropertyDescriptor: (_, key) => (key === '@odata.type' || key === 'manager' ? descriptor : undefined),
        get: (_, key) => (key === '@odata.type' ? USER : key === 'manager' ? next() : undefined),
      },
    );

  it('ends on a Proxy that returns itself', () => {
    const self: object = endless(() => self);
    expect(validateUser(self)).toEqual([]);
  });

  it('ends on a Proxy that makes a new Proxy on every read', () => {
    const fresh = (): object => endless(fresh);
    expect(summary(validateUser(fresh()))).toEqual([[`$${'.manager'.repeat(MAX_DEPTH)}`, 'limit']]);
    expect(isUser(fresh())).toBe(false);
  });

  it('ends on getters that make a new tree without end, deep first', () => {
    const fresh = (): object => ({ '@odata.type': USER, get manager() { return fresh(); }, get memberOf() { return [fresh(), fresh()]; } });
    expect(summary(validateUser(fresh()))).toEqual([[`$${'.manager'.repeat(MAX_DEPTH)}`, 'limit']]);
  });

  it('ends after MAX_VALUES values on getters that make a wide tree', () => {
    expect(runtime['MAX_VALUES']).toBe(1_000_000);
    const leaf = { '@odata.type': USER };
    const middle = { '@odata.type': USER, get memberOf() { return new Array<object>(1000).fill(leaf); } };
    const root = { get memberOf() { return new Array<object>(1001).fill(middle); } };
    expect(validateUser(root)).toMatchObject([{ kind: 'limit', expected: 'at most 1000000 values', actual: '1000 items', path: '$.memberOf[998].memberOf' }]);
  }, 60_000);

  it('ends after MAX_VALUES values on a long collection of small objects', () => {
    // 1 value for the root, then 2 per item (the item and its displayName): the budget runs out at item 499,999.
    const payload = { memberOf: new Array<object>(999_990).fill({ '@odata.type': USER, displayName: 'x' }) };
    expect(validateUser(payload)).toMatchObject([{ kind: 'limit', expected: 'at most 1000000 values', actual: 'more values', path: '$.memberOf[499999]' }]);
  }, 60_000);

  it('ends on an array Proxy claiming more items than it may walk', () => {
    const huge = new Proxy([], { get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)) });
    expect(validateUser({ memberOf: huge })).toMatchObject([{ path: '$.memberOf', kind: 'limit', actual: '4294967295 items' }]);
  });
});

describe('validateX never throws', () => {
  it.each<[string, unknown, [string, string, string][]]>([
    ['undefined', undefined, [['$', 'type', 'undefined']]],
    ['a symbol', Symbol('x'), [['$', 'type', 'symbol']]],
    ['a bigint', 10n, [['$', 'type', 'bigint']]],
    ['NaN', Number.NaN, [['$', 'type', 'number NaN']]],
    ['a bigint property', { displayName: 1n }, [['$.displayName', 'type', 'bigint']]],
    ['a symbol-keyed property', { [Symbol('k')]: 1 }, []],
    ['an @odata.type that is an object', { '@odata.type': { toString: () => USER } }, [['$["@odata.type"]', 'odata-type', 'object']]],
    ['a frozen object', Object.freeze({ displayName: 'x' }), []],
    ['a hole in a collection', { memberOf: [, { '@odata.type': USER }] }, [['$.memberOf[0]', 'type', 'undefined']]],
  ])('%s', (_, value, expected) => {
    expect(validateUser(value).map((p) => [p.path, p.kind, p.actual])).toEqual(expected);
    expect(isUser(value)).toBe(expected.length === 0);
  });
});
