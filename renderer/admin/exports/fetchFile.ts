import type { InputOf, OutputOf } from '../../../src/contract/operations';

type Call = (input: InputOf<'downloadFile'>) => Promise<OutputOf<'downloadFile'>>;

export interface FetchedFile {
  fileName: string;
  bytes: Uint8Array;
  /** The SHA-256 the host says the file must have (the manifest's, for an export). */
  expected: string;
  /** The SHA-256 of the bytes received, computed here. */
  actual: string;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Reads a file chunk by chunk through `downloadFile` (IPC or HTTP alike), then
 * hashes what arrived, so the screen can say whether it matches the manifest.
 */
export async function fetchFile(
  call: Call,
  kind: InputOf<'downloadFile'>['kind'],
  name: string,
  onProgress?: (done: number, total: number) => void,
): Promise<FetchedFile> {
  const parts: Uint8Array[] = [];
  let offset: number | null = 0;
  let first: OutputOf<'downloadFile'> | null = null;
  while (offset !== null) {
    const chunk = await call({ kind, name, offset });
    first ??= chunk;
    parts.push(fromBase64(chunk.chunk));
    onProgress?.(chunk.offset + parts.at(-1)!.length, chunk.bytes);
    offset = chunk.next;
  }
  const size = parts.reduce((sum, p) => sum + p.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  const actual = hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return { fileName: first?.fileName ?? name, bytes, expected: first?.sha256 ?? '', actual };
}
