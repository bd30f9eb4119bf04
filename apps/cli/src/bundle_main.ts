/**
 * Entry module of the bundled CLI (apps/cli/build.mjs). It keeps its real import.meta.url (the build's folder), so it
 * can tell packages/parallel where the bundled worker entries are before the CLI starts.
 */
import { setBundleDir } from '@tally/parallel/bundle_location';

setBundleDir(new URL('.', import.meta.url).href);

export { main } from './main.ts';
