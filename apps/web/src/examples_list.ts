/** The bundled examples the page offers: each folder of the examples directory with a readable manifest. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '@tally/ingest';

/** The bundled examples with their manifests. */
export function listExamples(examplesDir: string) {
  let names: string[] = [];
  try {
    names = readdirSync(examplesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
  return names.flatMap((id) => {
    const m = readManifest(join(examplesDir, id));
    if (!m.ok) return [];
    const files = readdirSync(join(examplesDir, id));
    return [
      {
        id,
        name: m.value.name,
        titles: m.value.titles ?? {},
        description: m.value.description ?? '',
        datasets: m.value.datasets.map((d) => ({ id: d.id, title: d.title ?? d.id, kind: d.kind })),
        hasAllegation: files.includes('allegation.yaml'),
      },
    ];
  });
}
