/**
 * Text of a phrasing node as a reader sees it, except that inline code keeps
 * its backticks: `Possible values are: \`a\`, \`b\`.` stays tellable from prose.
 */
import type { Nodes } from 'mdast';

export function markedText(node: Nodes): string {
  return render(node).replace(/\s+/g, ' ').trim();
}

function render(node: Nodes): string {
  switch (node.type) {
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'text':
      return node.value;
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value.trim()) ? ' ' : node.value;
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    default:
      return 'children' in node ? node.children.map((child) => render(child as Nodes)).join('') : '';
  }
}
