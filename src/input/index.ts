export { loadSources, loadTexts, DEFAULT_LOAD_OPTIONS } from './load.ts';
export type { LoadOptions, LoadResult } from './load.ts';
export { Locator } from './locate.ts';
export { SourceFile } from './source-file.ts';
