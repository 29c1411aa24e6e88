/**
 * What a property description states about the property: read-only, nullable,
 * required. A hint is absent unless the text states it.
 */

export interface PropertyHints {
  readOnly?: boolean;
  nullable?: boolean;
  required?: boolean;
}

export function readPropertyHints(description: string): PropertyHints {
  const hints: PropertyHints = {};
  const readOnly = readReadOnly(description);
  if (readOnly !== undefined) hints.readOnly = readOnly;
  const nullable = readNullable(description);
  if (nullable !== undefined) hints.nullable = nullable;
  const required = readRequired(description);
  if (required !== undefined) hints.required = required;
  return hints;
}

function readReadOnly(text: string): boolean | undefined {
  if (/\bnot\s+read[- ]?only\b/i.test(text)) return false;
  if (/\bread[- ]?only\b/i.test(text)) return true;
  return undefined;
}

function readNullable(text: string): boolean | undefined {
  if (/\b(?:not|non)[- ]?nullable\b/i.test(text)) return false;
  if (/\bnullable\b/i.test(text)) return true;
  return undefined;
}

/**
 * "Required." or "This property is required." as a sentence of its own, or a
 * sentence opened by "(Required)"; "Optional." / "Not required." likewise, or a
 * sentence opened by "Optional" ("Optional, default value is false.", "Optional
 * description of ..."). "Required when ...", "Required for ..." and "Required
 * format: ..." state a condition or a form, not the property, and are ignored.
 */
function readRequired(text: string): boolean | undefined {
  const sentences = text.split(/(?<=[.;!])\s+|(?:(?<!\s)\s+)?<br\s*\/?>\s*/i).map((s) => s.trim().replace(/(?<![.;!])[.;!]+$/, '').trim());
  for (const sentence of sentences) {
    if (/^(?:\(\s*)?required(?:\s*\))?$|^\(\s*required\s*\)/i.test(sentence)) return true;
    if (/^(?:this\s+(?:property|value|field|parameter)\s+is\s+)required$/i.test(sentence)) return true;
    if (/^(?:\(\s*)?optional\b/i.test(sentence)) return false;
    if (/^(?:this\s+(?:property|value|field|parameter)\s+is\s+)?(?:optional|not\s+required)$/i.test(sentence)) return false;
  }
  return undefined;
}

/** A Required column's cell: yes / no in its usual spellings, else nothing. */
export function readRequiredColumn(text: string): boolean | undefined {
  if (/^(?:(?:yes|true|required|mandatory|y|x)\b|✓)/i.test(text)) return true;
  if (/^(?:no|false|optional|n)\b/i.test(text)) return false;
  return undefined;
}
