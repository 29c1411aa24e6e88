/**
 * Selective generation (`model/slice.ts`): which operations and types a few
 * path patterns keep, on a small mail-and-directory model; and, on the seeds,
 * that a slice prints each of its types and operations exactly as the whole
 * output does.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { complex, entity, enumType, modelOf, operation, prop } from '../emit/fixtures.js';
import { emitModel } from '../../generator/emit/index.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import type { Model, ModelOperation, TypeRef } from '../../generator/model/ir.js';
import { parsePathPattern, type PathPattern } from '../../generator/model/path-pattern.js';
import { sliceModel, type Selection } from '../../generator/model/slice.js';

const g = (name: string) => `microsoft.graph.${name}`;
const ref = (name: string, isCollection = false): TypeRef => ({ name: g(name), isCollection });

function op(id: string, method: string, paths: string[], parts: Partial<ModelOperation> = {}): ModelOperation {
  return { ...operation(id, id), method, paths, ...parts };
}

function mailModel(): Model {
  return modelOf(
    [
      entity('entity', [prop('id', 'Edm.String')], { keyProperty: 'id' }),
      entity('directoryObject', [], { baseType: g('entity') }),
      entity('user', [prop('displayName', 'Edm.String'), prop('assignedLicenses', g('assignedLicense'), true)], {
        baseType: g('directoryObject'),
        navigation: [prop('manager', g('directoryObject')), prop('messages', g('message'), true)],
      }),
      entity('group', [], { baseType: g('directoryObject') }),
      entity('outlookItem', [], { baseType: g('entity') }),
      entity('message', [prop('from', g('recipient')), prop('importance', g('importance'))], { baseType: g('outlookItem') }),
      entity('eventMessage', [], { baseType: g('message') }),
      complex('recipient', [prop('emailAddress', g('emailAddress'))]),
      complex('emailAddress', [prop('address', 'Edm.String')]),
      complex('assignedLicense', [prop('skuId', 'Edm.Guid')]),
      enumType('importance', ['low', 'normal', 'high']),
      entity('calendar', []),
    ],
    [
      op('message-list', 'GET', ['/me/messages', '/users/{id | userPrincipalName}/messages'], { response: { status: 200, type: ref('message', true) } }),
      op('user-sendmail', 'POST', ['/me/sendMail', '/users/{id | userPrincipalName}/sendMail'], {
        requestBody: [{ ...prop('message', g('message')) }, prop('saveToSentItems', 'Edm.Boolean')],
      }),
      op('user-get', 'GET', ['/me', '/users/{id | userPrincipalName}'], { response: { status: 200, type: ref('user') }, resource: g('user') }),
      op('user-update', 'PATCH', ['/me', '/users/{id | userPrincipalName}'], { resource: g('user') }),
      op('user-delete', 'DELETE', ['/users/{id | userPrincipalName}'], { resource: g('user') }),
      op('group-list', 'GET', ['/groups'], { response: { status: 200, type: ref('group', true) } }),
    ],
  );
}

function selection(include: string[], exclude: string[] = [], versions?: string[]): Selection {
  const parse = (text: string) => parsePathPattern(text) as PathPattern;
  return { include: include.map(parse), exclude: exclude.map(parse), ...(versions ? { versions } : {}) };
}

function kept(model: Model) {
  return { operations: model.operations.map((o) => o.id), types: model.types.map((t) => t.fullName.replace('microsoft.graph.', '')) };
}

describe('sliceModel', () => {
  it('keeps the matching operations and the types they need: bases, property types, derived types, not navigation targets', () => {
    const slice = sliceModel(mailModel(), selection(['/users/{id}/messages/**']));
    expect(kept(slice)).toEqual({
      operations: ['v1.0:message-list'],
      types: ['emailAddress', 'entity', 'eventMessage', 'importance', 'message', 'outlookItem', 'recipient'],
    });
  });

  it('#METHODS restricts methods; a navigation property to a type outside the slice is dropped, one inside kept', () => {
    const slice = sliceModel(mailModel(), selection(['/users/{id}#GET,PATCH']));
    expect(kept(slice)).toEqual({
      operations: ['v1.0:user-get', 'v1.0:user-update'],
      types: ['assignedLicense', 'directoryObject', 'entity', 'user'],
    });
    const user = slice.types.find((t) => t.name === 'user')!;
    expect(user.navigationProperties.map((p) => p.name)).toEqual(['manager']);
    // The model it was cut from is not touched.
    expect(mailModel().types.find((t) => t.name === 'user')!.navigationProperties).toHaveLength(2);
  });

  it('exclude wins over include, path by path; no include means every operation', () => {
    expect(kept(sliceModel(mailModel(), selection([], ['/users/**', '/me/**', '/me']))).operations).toEqual(['v1.0:group-list']);
    // message-list is kept by its /me/messages path, which the exclude pattern does not match.
    expect(kept(sliceModel(mailModel(), selection(['/**/messages'], ['/users/**']))).operations).toEqual(['v1.0:message-list']);
  });

  it('a type needed for itself brings its derived types, so its @odata.type union narrows; a base alone does not', () => {
    const slice = sliceModel(mailModel(), selection(['/groups']));
    // directoryObject and entity as bases of group: user, message and the rest stay out.
    expect(kept(slice).types).toEqual(['directoryObject', 'entity', 'group']);
  });

  it('versions keeps only the versions listed', () => {
    const slice = sliceModel(mailModel(), selection([], [], ['beta']));
    expect(slice.apiVersions).toEqual([]);
    expect(kept(slice)).toEqual({ operations: [], types: [] });
  });

  it('is deterministic and pure', () => {
    const model = mailModel();
    const before = JSON.stringify(model);
    expect(sliceModel(model, selection(['/me/sendMail#POST']))).toEqual(sliceModel(model, selection(['/me/sendMail#POST'])));
    expect(JSON.stringify(model)).toBe(before);
  });
});

/** Top-level statements of a TypeScript text but its imports, as printed. */
function statements(text: string): string[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022);
  return file.statements.filter((s) => !ts.isImportDeclaration(s) && !ts.isExportDeclaration(s)).map((s) => s.getText(file));
}

describe('a slice of the seeds prints what the whole output prints', () => {
  const model = JSON.parse(readFileSync(new URL('../golden/docs-input.model.json', import.meta.url), 'utf8')) as Model;
  const options = { inputLabel: 'docs-input', emitters: EMITTERS };
  const whole = new Map(emitModel(model, options).map((file) => [file.path, file.content]));

  it.each([['/deviceManagement/deviceManagementPartners/{id}#PATCH'], ['/deviceManagement/complianceManagementPartners/**']])('%s', (include) => {
    const cut = sliceModel(model, selection([include]));
    expect(cut.operations).toHaveLength(1);
    const slice = emitModel(cut, { ...options, whole: model });
    expect(slice.length).toBeGreaterThan(0);
    for (const file of slice) {
      // Barrels (`index.ts`) list the files of the slice, so they are the one kind of file whose statements differ.
      if (file.path.endsWith('/index.ts')) continue;
      // Every file of the slice is a file of the whole output, and each of its statements one of that file's.
      const counterpart = whole.get(file.path);
      expect(counterpart, file.path).toBeDefined();
      const all = new Set(statements(counterpart!));
      for (const statement of statements(file.content)) expect(all.has(statement), `${file.path}: ${statement.slice(0, 80)}`).toBe(true);
    }
    expect(slice.length).toBeLessThan(whole.size);
  });
});
