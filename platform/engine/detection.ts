// R12 detection, run incrementally: only designers whose facts changed are re-examined, each
// with that designer's facts alone. Filled in with the core's detectors.
import type { ApplyContext } from './context';

export function runDetection(ctx: ApplyContext): void {
  ctx.touched.clear();
}
