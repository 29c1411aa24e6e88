/**
 * Enum and member names as headings and table cells write them:
 * `### lifecycleEventType values`, `# windowsStartMenuModeType enum type`,
 * `## State Enumeration`, `` |`none`| ``.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUALIFIED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Heading suffixes that say "the enum named before me". Longest first. */
const SUFFIX =
  /(?<!\s)\s+(?:enum(?:eration)?\s+(?:type\s+)?(?:values?|members)|enum(?:eration)?\s+types?|enum(?:eration)?|values?|members|options)$/i;

/** Headings that name the members list of the page's enum, not an enum. */
const MEMBERS_HEADING = /^(?:enum(?:eration)?\s+)?(?:members|values|members and values|enum(?:eration)? values?)$/i;

export interface HeadingName {
  /** The heading with its enum suffix removed, markdown marks dropped. */
  text: string;
  /** Whether the heading carried an enum suffix (`values`, `enum type`, ...). */
  suffixed: boolean;
}

/** `lifecycleEventType values` → `lifecycleEventType`; the text as is when no suffix. */
export function stripEnumSuffix(heading: string): HeadingName {
  const text = heading
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![.:])[.:]+$/, '')
    .trim();
  const stripped = text
    .replace(SUFFIX, '')
    .replace(/^the\s+/i, '')
    .trim();
  return { text: stripped, suffixed: stripped !== text };
}

/** `## Members`, `## Values`: a heading that lists the page enum's members. */
export function isMembersHeading(heading: string): boolean {
  return MEMBERS_HEADING.test(heading.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim());
}

export interface QualifiedName {
  name: string;
  /** The namespace the text qualifies the name with, if any. */
  namespace?: string;
}

/** A bare or dotted identifier split into namespace and name, or null when not identifier-like. */
export function readEnumName(text: string): QualifiedName | null {
  const bare = text.replace(/^#/, '');
  if (!QUALIFIED.test(bare)) return null;
  const dot = bare.lastIndexOf('.');
  if (dot < 0) return { name: bare };
  return { name: bare.slice(dot + 1), namespace: bare.slice(0, dot) };
}

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

/**
 * A member cell as written, decorations dropped: surrounding quotes, a trailing
 * `(default)` note, a trailing comma. Markdown marks are already gone (cell text).
 */
export function cleanMemberName(cell: string): string {
  return cell
    .replace(/[`*]/g, '')
    .trim()
    .replace(/(?:(?<!\s)\s+)?\((?:default|deprecated)(?: value)?\)$/i, '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .replace(/[,;]$/, '')
    .trim();
}
