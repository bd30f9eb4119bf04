/** Messages for the page never show where the server keeps uploaded files: the user sees their file's name. */
import { tmpdir } from 'node:os';

/**
 * A function that rewrites a message: "<uploadDir>/u1/results.csv" becomes "results.csv", the temporary mapping
 * "<uploadDir>/map-x/mapping.json" becomes "mapping.json", and any other path under the system's temporary folder
 * loses its folders.
 */
export function serverPathHider(uploadDir: string): (text: string) => string {
  const under = (dir: string) => new RegExp(`${escapeRegExp(dir)}(?:/[^/\\s"'\`:,;)]+)*/([^/\\s"'\`:,;)]+)`, 'g');
  const patterns = [under(uploadDir), under(tmpdir())];
  return (text) => patterns.reduce((t, re) => t.replace(re, '$1'), text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
