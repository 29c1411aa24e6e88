/**
 * Includes in block quotes, list items and include files (today's format,
 * test/fixtures/today-operations): followed relative to the file that holds
 * them, every fact at its place in the file it was read from, a cycle and a
 * chain past the depth limit reported at the include line and not followed.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { includeLines, MAX_INCLUDE_DEPTH } from '../../generator/parse/includes.js';
import { repoRoot } from '../helpers/corpus.js';

const ROOT = path.join(repoRoot, 'test/fixtures/today-operations');
const INCLUDES = 'api-reference/v1.0/includes';

describe('nested includes', async () => {
  const { model, pages } = await buildModel(ROOT, { workers: 1 });
  const groupGet = pages.find((p) => p.file === 'api-reference/v1.0/api/group-get.md')!.operations[0]!;

  it('finds include lines after a block quote mark or a list marker, not inside prose', () => {
    const text = ['> [!INCLUDE [a](a.md)]', '- [!INCLUDE [b](b.md)]', '12. [!INCLUDE [c](c.md)]', 'See [!INCLUDE [d](d.md)]'].join('\n');
    expect(includeLines(text, 'v1.0/api/x.md').map((l) => l.file)).toEqual(['v1.0/api/a.md', 'v1.0/api/b.md', 'v1.0/api/c.md']);
  });

  it('reads a permissions table included by an include in a block quote, each row at its line in the inner file', () => {
    expect(groupGet.permissions.map((p) => [p.type, p.permissions, `${p.source.file}:${p.source.line}:${p.source.column}`])).toEqual([
      ['Delegated (work or school account)', ['GroupMember.Read.All'], `${INCLUDES}/permissions/group-get-permissions-table.md:3:1`],
      ['Application', ['GroupMember.Read.All'], `${INCLUDES}/permissions/group-get-permissions-table.md:4:1`],
    ]);
    expect(model.operations.find((o) => o.id === 'v1.0:group-get')!.permissionsFrom).toEqual({ from: 'include', source: { file: `${INCLUDES}/permissions/group-get-permissions-table.md`, line: 3, column: 1 } });
  });

  it(`follows includes of includes from a list item down to depth ${MAX_INCLUDE_DEPTH}, and reports the next at its line`, () => {
    expect(groupGet.requestHeaders.map((h) => `${h.name} ${h.source.file}:${h.source.line}`)).toEqual([1, 2, 3, 4].map((i) => `X-Deep-${i} ${INCLUDES}/notes/deep-${i}.md:3`));
    expect(model.diagnostics.filter((d) => d.code === 'include-too-deep').map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      `${INCLUDES}/notes/deep-4.md:5:1: warning: Unexpected include \`deep-5.md\` nested 5 levels deep, expected at most 4 levels of includes (not followed)`,
    ]);
  });

  it('reports an include that includes its own chain again at the include line, once, and stops there', () => {
    expect(model.diagnostics.filter((d) => d.code === 'include-cycle').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      `${INCLUDES}/notes/loop-b.md:1:3: Unexpected include \`loop-a.md\` of ${INCLUDES}/notes/loop-a.md, which includes this file again (${INCLUDES}/notes/loop-a.md → ${INCLUDES}/notes/loop-b.md → ${INCLUDES}/notes/loop-a.md), expected includes that end (not followed)`,
    ]);
  });
});
