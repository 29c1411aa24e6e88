import { describe, expect, it } from 'vitest';
import type { Finding } from '../../generator/check/types.js';
import { draw, judgmentOf, type Judgment } from '../../scripts/check-sample/sample.js';

const finding = (i: number): Finding => ({
  ruleId: i % 2 ? 'example-json-invalid' : 'section-missing',
  severity: 'error',
  message: `m${i}`,
  file: `v1.0/api/p${i}.md`,
  line: i + 1,
  column: 1,
  fingerprint: `fp${String(i).padStart(4, '0')}`,
});
const findings = Array.from({ length: 1000 }, (_, i) => finding(i));
const ids = (list: Finding[]) => list.map((f) => f.fingerprint).sort();

describe('check-sample draw', () => {
  it('draws the asked number of distinct findings, the same for a seed and another for another seed', () => {
    const a = draw(findings, 100, 7);
    expect(new Set(ids(a)).size).toBe(100);
    expect(ids(draw([...findings].reverse(), 100, 7))).toEqual(ids(a));
    expect(ids(draw(findings, 100, 8))).not.toEqual(ids(a));
  });

  it('keeps the sample of a seed when findings outside it go, and replaces only the ones that went', () => {
    const sample = draw(findings, 100, 7);
    const inSample = new Set(ids(sample));
    const outside = findings.filter((f) => !inSample.has(f.fingerprint)).slice(0, 300);
    const fewer = findings.filter((f) => !outside.includes(f));
    expect(ids(draw(fewer, 100, 7))).toEqual(ids(sample));
    const gone = sample.slice(0, 10);
    const after = draw(findings.filter((f) => !gone.includes(f)), 100, 7);
    expect(ids(after).filter((id) => inSample.has(id))).toHaveLength(90);
  });

  it('draws about evenly over the findings (both halves of the input are represented)', () => {
    const sample = draw(findings, 200, 3);
    const low = sample.filter((f) => Number(f.fingerprint.slice(2)) < 500).length;
    expect(low).toBeGreaterThan(70);
    expect(low).toBeLessThan(130);
  });
});

describe('check-sample judgments', () => {
  const judged: Record<string, Judgment> = {
    fp0001: { rule: 'example-json-invalid', at: 'v1.0/api/p1.md:2:1', verdict: 'real', exact: true, reason: 'trailing comma' },
  };

  it('hold for the spot they were made at, relative to the corpus', () => {
    expect(judgmentOf(judged, finding(1), '/corpus')?.verdict).toBe('real');
    expect(judgmentOf(judged, { ...finding(1), file: '/corpus/v1.0/api/p1.md' }, '/corpus')?.verdict).toBe('real');
  });

  it('do not hold once the finding moved or for another finding', () => {
    expect(judgmentOf(judged, { ...finding(1), column: 5 }, '/corpus')).toBeUndefined();
    expect(judgmentOf(judged, finding(2), '/corpus')).toBeUndefined();
  });
});
