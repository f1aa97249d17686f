import { commandsMeasurement } from './commands';
import { demoScaleMeasurement } from './demo-scale';
import { exportsMeasurement } from './exports';
import type { Measurement } from './measurement';
import { queriesMeasurement } from './queries';
import { rebuildMeasurement } from './rebuild';
import { verifyMeasurement } from './verify';

/* Every measurement, in the order the report shows them. */

export const measurements: readonly Measurement[] = [
  rebuildMeasurement,
  queriesMeasurement,
  commandsMeasurement,
  demoScaleMeasurement,
  verifyMeasurement,
  exportsMeasurement,
];
