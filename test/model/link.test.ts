import { describe, expect, it } from 'vitest';
import { linkModel } from '../../generator/model/link.js';
import type { ModelType } from '../../generator/model/ir.js';
import { enumFacts, page, property, resource, typeRef } from '../helpers/facts.js';

const typeNamed = (types: ModelType[], fullName: string) => types.find((t) => t.fullName === fullName);

describe('linkModel: name resolution', () => {
  it.each([
    ['a bare name in the page namespace', 'state', 'microsoft.graph.state'],
    ['a differently cased name', 'State', 'microsoft.graph.state'],
    ['a qualified name', 'microsoft.graph.state', 'microsoft.graph.state'],
    ['a name documented only in a sub-namespace', 'callType', 'microsoft.graph.callRecords.callType'],
    ['a primitive', 'String', 'Edm.String'],
  ])('resolves %s', (_name, written, want) => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { properties: [property('p', written)] })] }),
        page('v1.0/resources/state.md', { enums: [enumFacts('state', ['on', 'off'])] }),
        page('v1.0/resources/enums-callrecords.md', { enums: [enumFacts('callType', ['x'], 'microsoft.graph.callRecords')] }),
      ],
    });
    expect(typeNamed(model.types, 'microsoft.graph.a')?.properties[0]?.type).toEqual({ name: want, isCollection: false });
  });

  it('follows the link when the link text names no documented type', () => {
    const p = property('p', 'x');
    p.type = typeRef('Statee collection', '../resources/state.md');
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { properties: [p] })] }),
        page('v1.0/resources/state.md', { enums: [enumFacts('state', ['on'])] }),
      ],
    });
    expect(typeNamed(model.types, 'microsoft.graph.a')?.properties[0]?.type).toEqual({ name: 'microsoft.graph.state', isCollection: true });
  });
});

describe('linkModel: types no page documents', () => {
  it('synthesizes an enum from "Possible values" and reports it once', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', {
          resources: [
            resource('a', {
              properties: [
                property('p', 'tenantState', { possibleValues: ['unknown', 'enabled'] }, 10),
                property('q', 'tenantState', { possibleValues: ['enabled', 'terminated'] }, 11),
              ],
            }),
          ],
        }),
      ],
    });
    const synthesized = typeNamed(model.types, 'microsoft.graph.tenantState');
    expect(synthesized).toMatchObject({ kind: 'enum', origin: 'possible-values' });
    expect(synthesized?.members.map((m) => m.name)).toEqual(['unknown', 'enabled', 'terminated']);
    expect(model.diagnostics.filter((d) => d.code === 'type-unresolved').map((d) => [d.file, d.line])).toEqual([['x.md', 10]]);
  });

  it('keeps a placeholder of kind unresolved when nothing describes the type', () => {
    const model = linkModel({ pages: [page('v1.0/resources/a.md', { resources: [resource('a', { properties: [property('p', 'assignment collection')] })] })] });
    expect(typeNamed(model.types, 'microsoft.graph.assignment')).toMatchObject({ kind: 'unresolved', origin: 'referenced', members: [] });
  });
});

describe('linkModel: inheritance', () => {
  const pages = () => [
    page('v1.0/resources/entity.md', { resources: [resource('entity', { keyProperty: 'id', properties: [property('id', 'String')] })] }),
    page('v1.0/resources/base.md', {
      resources: [resource('base', { baseType: { name: 'entity', source: { file: 'x.md', line: 3, column: 1 } }, properties: [property('id', 'String'), property('name', 'String')] })],
    }),
    page('v1.0/resources/derived.md', {
      resources: [resource('derived', { baseType: { name: 'base', source: { file: 'x.md', line: 3, column: 1 } }, properties: [property('name', 'String'), property('extra', 'Int32')] })],
    }),
    page('v1.0/resources/plain.md', { resources: [resource('plain', { properties: [property('x', 'String')] })] }),
  ];

  it('marks types whose chain reaches a keyed type as entities, others as complex', () => {
    const model = linkModel({ pages: pages() });
    expect(model.types.map((t) => [t.name, t.kind])).toEqual([
      ['base', 'entity'],
      ['derived', 'entity'],
      ['entity', 'entity'],
      ['plain', 'complex'],
    ]);
  });

  it('keeps only declared properties and lists derived types', () => {
    const model = linkModel({ pages: pages() });
    expect(typeNamed(model.types, 'microsoft.graph.derived')?.properties.map((p) => p.name)).toEqual(['extra']);
    expect(typeNamed(model.types, 'microsoft.graph.base')?.properties.map((p) => p.name)).toEqual(['name']);
    expect(typeNamed(model.types, 'microsoft.graph.base')?.derivedTypes).toEqual(['microsoft.graph.derived']);
  });

  it('reports a base type cycle instead of looping', () => {
    const source = { file: 'x.md', line: 3, column: 1 };
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { baseType: { name: 'b', source } })] }),
        page('v1.0/resources/b.md', { resources: [resource('b', { baseType: { name: 'a', source } })] }),
      ],
    });
    expect(model.diagnostics.map((d) => d.code)).toContain('base-type-cycle');
  });
});

describe('linkModel: a type documented twice', () => {
  it('merges both and reports the difference', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { enums: [enumFacts('state', ['on', 'off'])] }),
        page('v1.0/resources/enums.md', { enums: [enumFacts('state', ['on', 'paused'])] }),
      ],
    });
    expect(typeNamed(model.types, 'microsoft.graph.state')?.members.map((m) => m.name)).toEqual(['on', 'off', 'paused']);
    expect(typeNamed(model.types, 'microsoft.graph.state')?.documentedIn).toEqual(['v1.0/resources/a.md', 'v1.0/resources/enums.md']);
    const conflict = model.diagnostics.find((d) => d.code === 'type-conflict');
    expect(conflict?.message).toContain('members differ: here only: paused; there only: off; merged');
  });

  it('leads with the page named after the type and adds what other pages document', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/intune-devices-user.md', { resources: [resource('user', { properties: [property('id', 'String'), property('managedDevices', 'String collection')] })] }),
        page('v1.0/resources/user.md', { resources: [resource('user', { properties: [property('id', 'String'), property('displayName', 'String')] })] }),
      ],
    });
    const user = typeNamed(model.types, 'microsoft.graph.user');
    expect(user?.documentedIn).toEqual(['v1.0/resources/user.md', 'v1.0/resources/intune-devices-user.md']);
    expect(user?.properties.map((p) => p.name)).toEqual(['id', 'displayName', 'managedDevices']);
    expect(model.diagnostics.map((d) => [d.code, d.severity])).toEqual([['type-conflict', 'info']]);
  });

  it('reports a property whose type disagrees between pages', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { properties: [property('p', 'String')] })] }),
        page('v1.0/resources/b.md', { resources: [resource('a', { properties: [property('p', 'Int32')] })] }),
      ],
    });
    expect(model.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['type-conflict', 'warning', 'Unexpected second definition of `microsoft.graph.a` (p: Edm.Int32 here, Edm.String there), expected it to agree with v1.0/resources/a.md:1'],
    ]);
  });

  it('says nothing when both definitions agree', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { enums: [enumFacts('state', ['on'])] }),
        page('v1.0/resources/enums.md', { enums: [enumFacts('state', ['on'])] }),
      ],
    });
    expect(model.diagnostics).toEqual([]);
  });
});

describe('linkModel: versions', () => {
  it('links each API version on its own', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { properties: [property('p', 'state')] })] }),
        page('beta/resources/state.md', { enums: [enumFacts('state', ['on'])] }),
      ],
    });
    expect(model.apiVersions).toEqual(['beta', 'v1.0']);
    expect(model.types.map((t) => [t.apiVersion, t.fullName, t.kind])).toEqual([
      ['beta', 'microsoft.graph.state', 'enum'],
      ['v1.0', 'microsoft.graph.a', 'complex'],
      ['v1.0', 'microsoft.graph.state', 'unresolved'],
    ]);
  });
});

describe('linkModel: namespaces', () => {
  it('spells a namespace one way: the way most pages spell it', () => {
    const model = linkModel({
      pages: [
        page('v1.0/resources/a.md', { resources: [resource('a', { namespace: 'microsoft.graph.termStore' })] }),
        page('v1.0/resources/b.md', { resources: [resource('b', { namespace: 'microsoft.graph.termStore' })] }),
        page('v1.0/resources/enums-termstore.md', { enums: [enumFacts('state', ['on'], 'microsoft.graph.termstore')] }),
      ],
    });
    expect(model.types.map((t) => t.fullName)).toEqual(['microsoft.graph.termStore.a', 'microsoft.graph.termStore.b', 'microsoft.graph.termStore.state']);
  });
});

describe('linkModel: link text and link target', () => {
  it('follows the link when its text names another documented type, and says so', () => {
    const p = property('photo', 'x', {}, 12);
    p.type = typeRef('photo', '../resources/profilephoto.md');
    const model = linkModel({
      pages: [
        page('v1.0/resources/contact.md', { resources: [resource('contact', { properties: [p] })] }),
        page('v1.0/resources/photo.md', { resources: [resource('photo')] }),
        page('v1.0/resources/profilephoto.md', { resources: [resource('profilePhoto')] }),
      ],
    });
    expect(typeNamed(model.types, 'microsoft.graph.contact')?.properties[0]?.type.name).toBe('microsoft.graph.profilePhoto');
    expect(model.diagnostics.map((d) => [d.code, d.line])).toEqual([['type-link-mismatch', 12]]);
  });

  it('reports the link target, not the text, when the JSON representation names the type the text names', () => {
    // `|targets|[invitationParticipantInfo](participantinfo.md) collection|`: the cell's link starts at column 10.
    const p = property('targets', 'x', { typeSource: { file: 'x.md', line: 12, column: 10 } }, 12);
    p.type = { ...typeRef('invitationParticipantInfo collection', 'participantinfo.md') };
    const body = { raw: '', parsed: true, json: { targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo' }] }, source: { file: 'x.md', line: 20, column: 1 } };
    const model = linkModel({
      pages: [
        page('v1.0/resources/call.md', { resources: [resource('call', { properties: [p], json: { annotation: null, body, source: body.source } })] }),
        page('v1.0/resources/invitationparticipantinfo.md', { resources: [resource('invitationParticipantInfo')] }),
        page('v1.0/resources/participantinfo.md', { resources: [resource('participantInfo')] }),
      ],
    });
    const found = model.diagnostics.filter((d) => d.code === 'type-link-mismatch');
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        12,
        38,
        'Unexpected link target `participantinfo.md` (the page of `microsoft.graph.participantInfo`) for the type `microsoft.graph.invitationParticipantInfo`, expected the page of `microsoft.graph.invitationParticipantInfo` as the link text and the JSON representation name it',
      ],
    ]);
  });
  it('reports the link target when the property name holds the type the text names and not the linked one', () => {
    // `|incompatibleAccessPackages|[accessPackage](accesspackagecatalog.md) collection|`: the cell's link starts at column 31.
    const p = property('incompatibleAccessPackages', 'x', { typeSource: { file: 'x.md', line: 12, column: 31 } }, 12);
    p.type = { ...typeRef('accessPackage collection', 'accesspackagecatalog.md') };
    const same = property('photo', 'x', { typeSource: { file: 'x.md', line: 13, column: 10 } }, 13);
    same.type = typeRef('photo', 'profilephoto.md');
    const model = linkModel({
      pages: [
        page('v1.0/resources/accesspackage.md', { resources: [resource('accessPackage', { properties: [p, same] })] }),
        page('v1.0/resources/accesspackagecatalog.md', { resources: [resource('accessPackageCatalog')] }),
        page('v1.0/resources/photo.md', { resources: [resource('photo')] }),
        page('v1.0/resources/profilephoto.md', { resources: [resource('profilePhoto')] }),
      ],
    });
    const found = model.diagnostics.filter((d) => d.code === 'type-link-mismatch');
    // `photo` of `[photo](profilephoto.md)` is no evidence either way: the text is reported, as before.
    expect(found.map((d) => [d.line, d.column, d.message.slice(0, 60)])).toEqual([
      [12, 47, 'Unexpected link target `accesspackagecatalog.md` (the page o'],
      [13, 10, 'Unexpected link text `photo` (the type `microsoft.graph.phot'],
    ]);
    expect(found[0]?.message).toContain('as the link text and the property name `incompatibleAccessPackages` name it');
  });
});
