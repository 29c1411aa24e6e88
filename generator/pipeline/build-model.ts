/** The model stage end to end: find pages, extract them, link them. */
import { discoverPages, type SkippedFile } from '../parse/input.js';
import { linkModel } from '../model/link.js';
import type { Model } from '../model/ir.js';
import type { PageFacts } from '../extract/facts.js';
import { extractAll, type ExtractOptions } from './extract-all.js';

export interface BuildResult {
  model: Model;
  pages: PageFacts[];
  skipped: SkippedFile[];
}

export async function buildModel(input: string, options: ExtractOptions = {}): Promise<BuildResult> {
  const set = await discoverPages(input);
  const pages = await extractAll(set.pages, options);
  const model = linkModel({ pages, inputDiagnostics: set.diagnostics });
  return { model, pages, skipped: set.skipped };
}
