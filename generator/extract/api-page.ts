import type { PageExtractor } from './page.js';

export const extractApiPage: PageExtractor = () => ({});
