import type { TokenInfo } from './app-database';
import type { PublicLimits } from './public-limits';
import type { Services } from './services';

/** What every handler finds on the context: the services, and who is calling. */
export interface AppEnv {
  Variables: {
    services: Services;
    caller: TokenInfo;
    /** The bounds on the public status look-up, one table per app. */
    publicLimits: PublicLimits;
  };
}
