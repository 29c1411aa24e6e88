#!/usr/bin/env node
// Entry point: the compiled CLI lives in dist/ (built by `npm run build`; `npm pack` builds it first, through `prepack`).
import { main } from '../dist/generator/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
