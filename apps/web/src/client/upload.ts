/** Uploads a file with progress (XMLHttpRequest reports upload progress; fetch does not). */
import { apiToken } from './dom.ts';

/** A file's first rows as the server read them. */
export interface FilePreview {
  columns: string[];
  rows: (string | null)[][];
  totalRows?: number;
  problems?: string[];
}

/** What the server answers to an upload: its id, and a preview or the reason there is none. */
export interface UploadResult {
  upload: string;
  name: string;
  preview?: FilePreview;
  error?: string;
}

/** Sends the file's bytes to /api/upload, calling onProgress(sent, total) as they leave; rejects with the server's message. */
export function uploadFile(file: File, onProgress: (sent: number, total: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('x-tally-token', apiToken());
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.addEventListener('load', () => {
      const data = (xhr.response ?? {}) as UploadResult & { error?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new Error(data.error ?? `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new Error(`HTTP ${xhr.status || 'error'}`)));
    xhr.send(file);
  });
}
