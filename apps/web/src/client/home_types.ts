/** What the home view exchanges with the server and the other views. */

/** What the server says about itself. */
export interface Meta {
  version: string;
  examples: {
    id: string;
    name: string;
    /** The name per language, where the manifest gives it. */
    titles?: Partial<Record<'en' | 'es' | 'ru', string>>;
    description: string;
    hasAllegation: boolean;
    datasets: { id: string; title: string }[];
  }[];
  presets: { id: string; title: string; kind: string }[];
  methods: { id: string; title: string; summary: string }[];
}

/** Navigation callbacks the home view needs. */
export interface HomeActions {
  openDataset(info: DatasetInfo): void;
  openAudit(example: string): void;
}

/** The dataset summary the server returns after a load. */
export interface DatasetInfo {
  datasetId: string;
  label: string;
  stations: number;
  rows: number;
  rowsExcluded: number;
  /** rows = analysed + excluded, by reason (the row policy shared with the CLI). */
  rowAccounting: { rows: number; analysed: number; excluded: { reason: string; count: number }[] }[];
  errors: number;
  warnings: number;
  candidates: string[];
  levels: string[];
  issues: { level: string; file: string; row?: number; column?: string; rule: string; message: string }[];
}
