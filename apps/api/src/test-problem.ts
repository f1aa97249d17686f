import { HttpProblem } from './problem';

/** The problem+json body a function throws (a test of a refusal); throws if it throws none. */
export const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error.body;
    throw error;
  }
  throw new Error('expected a problem');
};
