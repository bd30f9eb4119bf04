/** Loaded datasets kept in memory for the session, by id; the oldest are dropped past a cap. */
import type { LoadedTable } from '@tally/ingest';

/** One dataset the user loaded. */
export interface StoredDataset {
  id: string;
  label: string;
  loaded: LoadedTable;
  /** The dataset folder, when it came from one (for audits and other datasets of the same folder). */
  folder?: string;
}

/** A small in-memory store with a size cap. */
export class DatasetStore {
  private readonly items = new Map<string, StoredDataset>();
  private counter = 0;

  constructor(private readonly cap = 8) {}

  /** Adds a dataset and returns it with its new id. */
  add(label: string, loaded: LoadedTable, folder?: string): StoredDataset {
    this.counter++;
    const id = `d${this.counter}`;
    const item = { id, label, loaded, folder };
    this.items.set(id, item);
    while (this.items.size > this.cap) {
      const oldest = this.items.keys().next().value as string;
      this.items.delete(oldest);
    }
    return item;
  }

  /** The dataset with this id, if still held. */
  get(id: string): StoredDataset | undefined {
    return this.items.get(id);
  }
}
