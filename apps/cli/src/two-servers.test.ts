import { join } from 'node:path';
import { tempDir } from './test/cli';
import { describeTwoServers } from './test/two-servers';

// Two `xinfang serve` processes on one SQLite file (the same test runs on any store a spec names).
describeTwoServers('SQLite', () => {
  const dir = tempDir();
  return { spec: `sqlite:${join(dir.path, 'shared.db')}`, remove: dir.remove };
});
