// Entry of the parsing child process (see isolated_parse.ts): registers tsx so that the TypeScript sources load,
// whether the server runs from the CLI bundle or through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./parse_child.ts');
