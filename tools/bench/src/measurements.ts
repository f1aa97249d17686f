import { commandsMeasurement } from './commands';
import { demoScaleMeasurement } from './demo-scale';
import type { Measurement } from './measurement';
import { rebuildMeasurement } from './rebuild';
import { verifyMeasurement } from './verify';

/* Every measurement, in the order the report shows them. */

export const measurements: readonly Measurement[] = [rebuildMeasurement, verifyMeasurement, commandsMeasurement, demoScaleMeasurement];
