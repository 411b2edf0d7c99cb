import { clientProblem, type Problem } from '../problem';

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/** The file's JSON, or the problem to show: unreadable, or not JSON (with the parser's own words). */
export async function readJsonFile(
  file: File,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: Problem }> {
  let text: string;
  try {
    text = await readText(file);
  } catch {
    return { ok: false, problem: clientProblem('admin.validation.fileRead', { file: file.name }) };
  }
  try {
    // A BOM from Notepad is not an error in the file.
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return {
      ok: false,
      problem: clientProblem(
        'admin.validation.jsonParse',
        { file: file.name },
        error instanceof Error ? error.message : String(error),
      ),
    };
  }
}
