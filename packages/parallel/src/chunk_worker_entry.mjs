// Worker entry: registers tsx so the TypeScript worker and the core modules it imports can load.
// (On Node 20, `--import tsx` in a Worker's execArgv does not apply to the worker's own entry file.)
import { register } from 'tsx/esm/api';

register();
await import('./chunk_worker.ts');
