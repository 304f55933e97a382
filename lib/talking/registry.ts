import { archiveMissing } from './rules/archive-missing';
import { bankRiskDisclosure } from './rules/bank-risk-disclosure';
import { contactGap } from './rules/contact-gap';
import { contactResistant } from './rules/contact-resistant';
import { dateSoon } from './rules/date-soon';
import { needOverdue } from './rules/need-overdue';
import { needTellCustomer } from './rules/need-tell-customer';
import { ordersDrop } from './rules/orders-drop';
import { productLapsed } from './rules/product-lapsed';
import { taskDue } from './rules/task-due';
import { visitDue } from './rules/visit-due';
import type { TalkingRule } from './types';

/**
 * Every talking-point rule, registered by hand (a test checks that each file in rules/ is here). The
 * order is by priority for reading; the engine sorts the points anyway.
 */
export const RULES: readonly TalkingRule[] = [
  needTellCustomer, // 100
  needOverdue, // 90, complaints 95
  taskDue, // 80
  dateSoon, // 70
  ordersDrop, // 60
  contactResistant, // 55
  productLapsed, // 50
  contactGap, // 45
  visitDue, // 40
  bankRiskDisclosure, // 30
  archiveMissing, // 20
];
