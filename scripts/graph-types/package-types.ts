/**
 * Reads the type declarations of `@microsoft/microsoft-graph-types(-beta)`
 * (generated from the service's CSDL) into a small table keyed like the docs
 * model: `microsoft.graph.user`, `microsoft.graph.callRecords.session`.
 * Syntax only: no type checker, so tiny inline `.d.ts` texts work in tests.
 */
import {
  Node,
  Project,
  SyntaxKind,
  ts,
  type InterfaceDeclaration,
  type ModuleDeclaration,
  type SourceFile,
  type TypeAliasDeclaration,
  type TypeNode,
} from 'ts-morph';

/** What a package property's type is once `NullableOption<...>`, `| null` and `[]` are peeled off. */
export type PackageTypeRef =
  | { kind: 'primitive'; primitive: string }
  | { kind: 'named'; fullName: string; resolved: boolean }
  | { kind: 'other'; text: string };

export interface PackageProperty {
  name: string;
  /** The declared type as written (`NullableOption<Foo[]>`). */
  tsType: string;
  isArray: boolean;
  nullable: boolean;
  ref: PackageTypeRef;
}

export interface PackageType {
  /** Graph full name: `microsoft.graph.callRecords.session`. */
  fullName: string;
  /** Name in the package: `CallRecords.Session`. */
  tsName: string;
  kind: 'interface' | 'enum';
  /** Full name of the extended interface, or null. */
  baseType: string | null;
  properties: PackageProperty[];
  /** String-literal union members (kind `enum`). */
  members: string[];
}

/** Package types by lower-cased full name. */
export type PackageTypes = Map<string, PackageType>;

const ROOT_NAMESPACE = 'microsoft.graph';

export function readPackageFile(filePath: string): PackageTypes {
  const project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
  return readPackageSource(project.addSourceFileAtPath(filePath));
}

export function readPackageText(text: string): PackageTypes {
  const project = new Project({ useInMemoryFileSystem: true });
  return readPackageSource(project.createSourceFile('package.d.ts', text));
}

/** `CallRecords` → `callRecords`; `SecurityNamespace` → `security` (the typings add the suffix on name clashes). */
export function graphNamespace(tsNamespace: string): string {
  const segments = tsNamespace
    .split('.')
    .filter(Boolean)
    .map((segment) => lowerFirst(segment.replace(/(?<=.)Namespace$/, '')));
  return [ROOT_NAMESPACE, ...segments].join('.');
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function readPackageSource(sourceFile: SourceFile): PackageTypes {
  const globalName = sourceFile.compilerNode.statements.find(ts.isNamespaceExportDeclaration)?.name.text;
  const scopes: { tsNamespace: string; interfaces: InterfaceDeclaration[]; aliases: TypeAliasDeclaration[] }[] = [
    { tsNamespace: '', interfaces: sourceFile.getInterfaces(), aliases: sourceFile.getTypeAliases() },
    ...allModules(sourceFile.getModules()).map((module) => ({
      tsNamespace: module.getName(),
      interfaces: module.getInterfaces(),
      aliases: module.getTypeAliases(),
    })),
  ];
  /** Package-qualified name (`CallRecords.Session`) → Graph full name. */
  const declared = new Map<string, string>();
  for (const scope of scopes) {
    for (const node of [...scope.interfaces, ...scope.aliases]) {
      declared.set(qualifiedName(scope.tsNamespace, node.getName()), graphFullName(scope.tsNamespace, node.getName()));
    }
  }
  const resolve = (written: string, tsNamespace: string): { fullName: string; resolved: boolean } => {
    const name = globalName && written.startsWith(`${globalName}.`) ? written.slice(globalName.length + 1) : written;
    const enclosing = tsNamespace ? tsNamespace.split('.') : [];
    for (let depth = enclosing.length; depth >= 0; depth--) {
      const found = declared.get(qualifiedName(enclosing.slice(0, depth).join('.'), name));
      if (found) return { fullName: found, resolved: true };
    }
    const dot = name.lastIndexOf('.');
    return { fullName: graphFullName(dot > 0 ? name.slice(0, dot) : tsNamespace, name.slice(dot + 1)), resolved: false };
  };

  const types: PackageTypes = new Map();
  for (const { tsNamespace, interfaces, aliases } of scopes) {
    for (const node of interfaces) {
      const base = node.getExtends()[0]?.getExpression().getText();
      const type: PackageType = {
        fullName: graphFullName(tsNamespace, node.getName()),
        tsName: qualifiedName(tsNamespace, node.getName()),
        kind: 'interface',
        baseType: base ? resolve(base, tsNamespace).fullName : null,
        properties: node.getProperties().map((property) => readProperty(property.getName(), property.getTypeNode(), (written) => resolve(written, tsNamespace))),
        members: [],
      };
      types.set(type.fullName.toLowerCase(), type);
    }
    for (const node of aliases) {
      const members = stringLiteralUnion(node.getTypeNode());
      if (!members) continue;
      const type: PackageType = {
        fullName: graphFullName(tsNamespace, node.getName()),
        tsName: qualifiedName(tsNamespace, node.getName()),
        kind: 'enum',
        baseType: null,
        properties: [],
        members,
      };
      types.set(type.fullName.toLowerCase(), type);
    }
  }
  return types;
}

function allModules(modules: ModuleDeclaration[]): ModuleDeclaration[] {
  return modules.flatMap((module) => [module, ...allModules(module.getModules())]);
}

function qualifiedName(tsNamespace: string, name: string): string {
  return tsNamespace ? `${tsNamespace}.${name}` : name;
}

function graphFullName(tsNamespace: string, name: string): string {
  return `${graphNamespace(tsNamespace)}.${lowerFirst(name)}`;
}

/** A declared type with `NullableOption<...>`, `| null`, `| undefined` and `[]` peeled off. */
export function readProperty(
  rawName: string,
  typeNode: TypeNode | undefined,
  resolve: (written: string) => { fullName: string; resolved: boolean },
): PackageProperty {
  const name = rawName.replace(/^["']|["']$/g, '');
  if (!typeNode) return { name, tsType: 'any', isArray: false, nullable: false, ref: { kind: 'primitive', primitive: 'any' } };
  let node: TypeNode = typeNode;
  let nullable = false;
  let isArray = false;
  for (;;) {
    if (Node.isTypeReference(node) && node.getTypeName().getText() === 'NullableOption' && node.getTypeArguments().length === 1) {
      nullable = true;
      node = node.getTypeArguments()[0]!;
    } else if (Node.isParenthesizedTypeNode(node)) {
      node = node.getTypeNode();
    } else if (Node.isUnionTypeNode(node) && node.getTypeNodes().some(isNullType)) {
      nullable = true;
      const rest = node.getTypeNodes().filter((part) => !isNullType(part));
      if (rest.length !== 1) break;
      node = rest[0]!;
    } else if (Node.isArrayTypeNode(node) && !isArray) {
      isArray = true;
      node = node.getElementTypeNode();
    } else break;
  }
  return { name, tsType: typeNode.getText(), isArray, nullable, ref: readRef(node, resolve) };
}

function readRef(node: TypeNode, resolve: (written: string) => { fullName: string; resolved: boolean }): PackageTypeRef {
  if (Node.isTypeReference(node)) return { kind: 'named', ...resolve(node.getTypeName().getText()) };
  const keywords = Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
  if (keywords.every((part) => PRIMITIVE_KEYWORDS.has(part.getKind()))) {
    return { kind: 'primitive', primitive: keywords.map((part) => part.getText()).sort().join(' | ') };
  }
  return { kind: 'other', text: node.getText() };
}

const PRIMITIVE_KEYWORDS = new Set([
  SyntaxKind.StringKeyword,
  SyntaxKind.NumberKeyword,
  SyntaxKind.BooleanKeyword,
  SyntaxKind.AnyKeyword,
  SyntaxKind.UnknownKeyword,
  SyntaxKind.ObjectKeyword,
]);

function isNullType(node: TypeNode): boolean {
  if (node.getKind() === SyntaxKind.UndefinedKeyword) return true;
  return Node.isLiteralTypeNode(node) && node.getLiteral().getKind() === SyntaxKind.NullKeyword;
}

/** `"a" | "b"` → `['a', 'b']`; anything else → undefined. */
function stringLiteralUnion(node: TypeNode | undefined): string[] | undefined {
  if (!node) return undefined;
  const parts = Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
  const members: string[] = [];
  for (const part of parts) {
    if (!Node.isLiteralTypeNode(part)) return undefined;
    const literal = part.getLiteral();
    if (!Node.isStringLiteral(literal)) return undefined;
    members.push(literal.getLiteralValue());
  }
  return members;
}
