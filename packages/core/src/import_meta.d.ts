// Every ES module host (Node, browsers, bundlers) gives a module its URL; ECMAScript's own lib does not declare it.
// Chunked methods pass their module's URL to the worker pool, which imports the chunk function from it.
interface ImportMeta {
  readonly url: string;
}
