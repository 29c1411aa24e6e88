import type { PageExtractor } from './page.js';

export const extractResourcePage: PageExtractor = () => ({});
