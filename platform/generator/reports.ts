// Customer reports about designers: the event itself, and the organic ones that are not about
// ratings (copied entries, rudeness, no-shows).
import { DAY_MS } from '../../core/time';
import type { CustomerRec, DesignerRec } from './model';
import { REPORT_BODIES, type ReportCategory } from './text/reviews';
import type { World } from './world';

export function fileReport(world: World, customer: CustomerRec, designer: DesignerRec, category: ReportCategory, body: string): string {
  world.ids.report += 1;
  const id = `rp${world.ids.report}`;
  world.tally.reports += 1;
  world.emit({ at: world.iso(), type: 'report.filed', data: { id, customerId: customer.id, designerId: designer.id, category, body } });
  return id;
}

export function otherReport(world: World): void {
  const context = world.recentContext(10 * DAY_MS);
  if (context === null) return;
  fileReport(world, context.customer, context.designer, 'other', world.rng.pick(REPORT_BODIES[context.customer.lang].other));
}
