/** The path of a file the app keeps beside the log: `siblingPath('data/x.db', '.app.db')` is `data/x.app.db`. */
export const siblingPath = (path: string, suffix: string): string =>
  path === ':memory:' ? ':memory:' : path.replace(/(\.db)?$/, suffix);
