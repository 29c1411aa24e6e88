/**
 * Reads the actions and functions of the Kiota-generated Microsoft Graph SDK
 * packages (`@microsoft/msgraph-sdk-users`, ...; generated from the service's
 * CSDL): one request builder per folder, its `index.d.ts` holding the URI
 * template, the action's `...PostRequestBody`, and the methods' return types.
 * Syntax only (no type checker), so tiny inline `.d.ts` texts work in tests.
 *
 * An action is a builder whose only method is `post`, with no body or a body
 * declared beside it; a function one whose only method is `get` and whose last
 * path segment is a call (`delta()`, `reminderView(StartDateTime='{StartDateTime}',...)`).
 * Plain entity CRUD, `$count`, `$ref` and `$value` builders are skipped.
 */
import { Node, Project, type InterfaceDeclaration, type SourceFile, type TypeNode } from 'ts-morph';
import { graphNamespace, lowerFirst, readProperty, type PackageProperty, type PackageTypeRef } from '../graph-types/package-types.js';

export interface SdkType {
  ref: PackageTypeRef;
  isCollection: boolean;
}

export interface SdkParameter {
  /** As the URI template writes it (functions) or the body interface declares it (actions). */
  name: string;
  /** Null when the package does not type it (a function parameter no method signature declares). */
  type: SdkType | null;
}

export interface SdkOperation {
  kind: 'action' | 'function';
  method: 'POST' | 'GET';
  /** `/users/{user%2Did}/reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')` */
  path: string;
  parameters: SdkParameter[];
  /** Null: the method answers nothing (`Promise<void>`). */
  returns: SdkType | null;
  /** The `index.d.ts` it was read from, relative to the packages' folder. */
  file: string;
}

/** A builder's `index.d.ts` text and the path it is known by (the folder, for finding its parent). */
export interface BuilderFile {
  file: string;
  text: string;
}

/** TypeScript names Kiota uses for EDM primitives; they are not imported from the models. */
export const KIOTA_PRIMITIVES = new Set(['Date', 'DateOnly', 'TimeOnly', 'Duration', 'Guid', 'ArrayBuffer', 'UntypedNode']);

const TEMPLATE = /UriTemplate = "([^"]*)"/;
const MODELS = /^@microsoft\/msgraph-sdk\/models\/(?:(.+)\/)?index\.js$/;

/** Every action and function of the given builder files, in file order. */
export function readSdkOperations(files: readonly BuilderFile[]): SdkOperation[] {
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const byFolder = new Map(files.map((f) => [folderOf(f.file), f]));
  const parsed = new Map<string, SourceFile>();
  const parse = (f: BuilderFile): SourceFile => {
    let sourceFile = parsed.get(f.file);
    if (!sourceFile) parsed.set(f.file, (sourceFile = project.createSourceFile(`/${parsed.size}.d.ts`, f.text)));
    return sourceFile;
  };
  const operations: SdkOperation[] = [];
  for (const f of files) {
    const template = TEMPLATE.exec(f.text)?.[1];
    if (!template || !/\b(get|post)\(/.test(f.text)) continue;
    const path = templatePath(template);
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (!last || /^[{$]/.test(last)) continue;
    const sourceFile = parse(f);
    const builder = sourceFile.getInterfaces().find((i) => i.getName().endsWith('RequestBuilder'));
    if (!builder) continue;
    const methods = builder.getMethods().map((m) => m.getName()).filter((name) => !name.startsWith('to') && name !== 'withUrl');
    const resolve = importResolver(sourceFile);
    if (methods.length === 1 && methods[0] === 'get' && last.includes('(')) {
      const parent = byFolder.get(folderOf(folderOf(f.file)));
      const signature = parent ? parentSignature(parse(parent), builder.getName(), resolve) : new Map<string, SdkType>();
      const query = sourceFile.getInterfaces().find((i) => i.getName().endsWith('GetQueryParameters'));
      const parameters = functionParameterNames(last).map((name) => ({
        name,
        type: signature.get(name.toLowerCase()) ?? queryParameterType(query, name, resolve),
      }));
      operations.push({ kind: 'function', method: 'GET', path, parameters, returns: returnType(builder, 'get', sourceFile, resolve), file: f.file });
    } else if (methods.length === 1 && methods[0] === 'post' && !last.includes('(')) {
      const bodyType = builder.getMethodOrThrow('post').getParameters().find((p) => p.getName() === 'body')?.getTypeNode()?.getText();
      const body = bodyType ? sourceFile.getInterface(bodyType) : undefined;
      if (bodyType && !body) continue;
      const parameters = (body ? ownProperties(body, resolve) : []).map((p) => ({ name: p.name, type: sdkType(p) }));
      operations.push({ kind: 'action', method: 'POST', path, parameters, returns: returnType(builder, 'post', sourceFile, resolve), file: f.file });
    }
  }
  return operations;
}

/** `{+baseurl}/users/{user%2Did}/delta(){?%24top}` → `/users/{user%2Did}/delta()`. */
export function templatePath(template: string): string {
  return template
    .replace(/^\{\+baseurl\}/, '')
    .replace(/\{[?&][^}]*\}/g, '')
    .replace(/\?.*$/, '');
}

/** `reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')` → `['StartDateTime', 'EndDateTime']`. */
export function functionParameterNames(segment: string): string[] {
  const args = /\((.*)\)$/.exec(segment)?.[1] ?? '';
  return args
    .split(',')
    .map((arg) => arg.split('=')[0]!.trim())
    .filter(Boolean);
}

function folderOf(file: string): string {
  return file.slice(0, Math.max(0, file.lastIndexOf('/')));
}

type Resolve = (written: string) => { fullName: string; resolved: boolean };

/** Imported model names → Graph full names (`Message` from `.../models/index.js` → `microsoft.graph.message`). */
function importResolver(sourceFile: SourceFile): Resolve {
  const imported = new Map<string, string>();
  for (const declaration of sourceFile.getImportDeclarations()) {
    const models = MODELS.exec(declaration.getModuleSpecifierValue());
    if (!models) continue;
    const namespace = graphNamespace((models[1] ?? '').replaceAll('/', '.'));
    for (const named of declaration.getNamedImports()) imported.set(named.getName(), `${namespace}.${lowerFirst(named.getName())}`);
  }
  return (written) => {
    const fullName = imported.get(written);
    return fullName ? { fullName, resolved: true } : { fullName: written, resolved: false };
  };
}

function sdkType(property: PackageProperty): SdkType {
  const { ref } = property;
  if (ref.kind === 'named' && !ref.resolved && KIOTA_PRIMITIVES.has(ref.fullName)) {
    return { ref: { kind: 'primitive', primitive: ref.fullName }, isCollection: property.isArray };
  }
  return { ref, isCollection: property.isArray };
}

function ownProperties(node: InterfaceDeclaration, resolve: Resolve): PackageProperty[] {
  return node
    .getProperties()
    .filter((p) => p.getName() !== 'backingStoreEnabled')
    .map((p) => readProperty(p.getName(), p.getTypeNode(), resolve));
}

/** The parent's method or getter returning this builder: its parameters' types, by lower-cased name. */
function parentSignature(parent: SourceFile, builderName: string, resolve: Resolve): Map<string, SdkType> {
  const types = new Map<string, SdkType>();
  for (const node of parent.getInterfaces()) {
    for (const method of node.getMethods()) {
      if (method.getReturnTypeNode()?.getText() !== builderName) continue;
      for (const p of method.getParameters()) types.set(p.getName().toLowerCase(), sdkType(readProperty(p.getName(), p.getTypeNode(), resolve)));
    }
  }
  return types;
}

function queryParameterType(query: InterfaceDeclaration | undefined, name: string, resolve: Resolve): SdkType | null {
  const property = query?.getProperties().find((p) => p.getName().toLowerCase() === name.toLowerCase());
  return property ? sdkType(readProperty(property.getName(), property.getTypeNode(), resolve)) : null;
}

/** `Promise<void>` → null; a `...Response` declared beside the builder → its `value`; `FooCollectionResponse` → foo collection. */
function returnType(builder: InterfaceDeclaration, method: string, sourceFile: SourceFile, resolve: Resolve): SdkType | null {
  const promised = builder.getMethodOrThrow(method).getReturnTypeNode();
  const inner = promised && Node.isTypeReference(promised) ? promised.getTypeArguments()[0] : undefined;
  if (!inner || inner.getText() === 'void') return null;
  const named = withoutUndefined(inner);
  const local = sourceFile.getInterface(named.getText());
  if (local) {
    const value = ownProperties(local, resolve).find((p) => p.name === 'value');
    return value ? sdkType(value) : { ref: { kind: 'other', text: local.getName() }, isCollection: false };
  }
  const type = sdkType(readProperty('return', named, resolve));
  const { ref } = type;
  if (ref.kind === 'named' && ref.resolved && ref.fullName.endsWith('CollectionResponse')) {
    return { ref: { ...ref, fullName: ref.fullName.slice(0, -'CollectionResponse'.length) }, isCollection: true };
  }
  return type;
}

function withoutUndefined(node: TypeNode): TypeNode {
  if (!Node.isUnionTypeNode(node)) return node;
  const rest = node.getTypeNodes().filter((part) => part.getText() !== 'undefined');
  return rest.length === 1 ? rest[0]! : node;
}
