/** Writes a file whole or not at all (the command line's files: the model, a baseline). */
export { writeAtomic as writeFileAtomic, withPath } from '../cache/write-atomic.js';
