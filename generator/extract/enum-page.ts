import type { PageExtractor } from './page.js';

export const extractEnumPage: PageExtractor = () => ({});
export const extractEnumTables: PageExtractor = () => ({});
