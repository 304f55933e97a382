import { cadencePolicy, nextVisit } from '../cadence';
import type { CustomerView } from '../db/customers';
import { getDb } from '../db/db';
import { toYmd } from '../dates';
import type { Settings } from '../model/settings';
import { activeDismissals, talkingPoints, type Dismissal } from '../talking';

/**
 * What the panel adds to a customer's stored view for the conversation (issue 5): when the next visit is
 * due, and the talking points. The points need the whole history (orders by month, lapsed products), which
 * the view's 50-item timeline does not hold, so the interactions are read once more here, by index.
 */
export async function withConversation(view: CustomerView, settings: Settings, dismissals: readonly Dismissal[], now = Date.now()): Promise<CustomerView> {
  const db = getDb();
  const id = view.customer.id;
  const [row, interactions] = await Promise.all([
    db.customers.get(id),
    db.interactions.where('[customerId+at]').between([id, -Infinity], [id, Infinity]).toArray(),
  ]);
  const cadence = cadencePolicy(settings.cadence);
  const today = toYmd(now);
  const visit = nextVisit({ ...view.customer, lastVisitAt: row?.lastVisitAt }, today, cadence);
  const talking = talkingPoints({
    customer: view.customer,
    contacts: view.contacts,
    interactions,
    needs: view.openNeeds,
    tasks: view.openTasks,
    now,
    today,
    cadence,
    settings: settings.industry === 'auto' ? {} : { industry: settings.industry },
    dismissed: activeDismissals(dismissals, id, today),
  });
  return { ...view, visit, talking };
}
