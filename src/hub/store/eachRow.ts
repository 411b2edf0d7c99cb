import pg from 'pg';

/**
 * A statement's rows handed to `onRow` as they arrive, none kept. A country's period
 * is 6,600 rows: kept until the last one (as pool.query keeps them), they were
 * copied by the collector again and again, and adding them up waited for them all.
 *
 * An error thrown by `onRow` does not reach the driver mid-answer (that would break
 * the connection, and the process): the rest of the rows are read and dropped, then
 * the promise rejects with it. A failed statement rejects too, and its connection is
 * closed rather than pooled.
 */
export async function eachRow<T>(
  pool: pg.Pool,
  statement: { name?: string; text: string; values: unknown[] },
  onRow: (row: T) => void,
): Promise<void> {
  const client = await pool.connect();
  // What onRow threw, if it did (an object: the row handler sets it from a callback).
  const thrown: { error?: unknown; happened: boolean } = { happened: false };
  try {
    await new Promise<void>((resolve, reject) => {
      const query = new pg.Query(statement);
      query.on('row', (row: T) => {
        if (thrown.happened) return;
        try {
          onRow(row);
        } catch (error) {
          Object.assign(thrown, { error, happened: true });
        }
      });
      query.on('error', reject);
      query.on('end', () => (thrown.happened ? reject(thrown.error) : resolve()));
      client.query(query);
    });
  } catch (error) {
    client.release(thrown.happened && thrown.error === error ? undefined : toError(error));
    throw error;
  }
  client.release();
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
