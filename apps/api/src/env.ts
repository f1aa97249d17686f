import type { TokenInfo } from './app-database';
import type { Services } from './services';

/** What every handler finds on the context: the services, and who is calling. */
export interface AppEnv {
  Variables: {
    services: Services;
    caller: TokenInfo;
  };
}
