import { common } from '../../i18n/common';
import type { Contact } from '../../model';
import { both, list, makePoint } from '../text';
import type { TalkingRule } from '../types';

/** The stakeholders whose attitude decides the account (domain.md §8). */
export const KEY_ROLES: readonly Contact['role'][] = ['decision_maker', 'influencer'];

/**
 * A decision maker or influencer marked resistant (抵触): how to approach them — listen before
 * selling, and go through a contact who is positive, named when there is one.
 */
export const contactResistant: TalkingRule = {
  id: 'contact-resistant',
  priority: 55,
  evaluate(ctx) {
    const allies = ctx.contacts.filter((c) => c.attitude === 'positive').map((c) => c.name);
    return ctx.contacts
      .filter((c) => c.attitude === 'resistant' && KEY_ROLES.includes(c.role))
      .map((contact) => {
        const role = (l: 'zh-CN' | 'en') => common[`role.${contact.role}`][l];
        const via = allies.slice(0, 2);
        return makePoint(contactResistant, contact.id, {
          tone: 'attention',
          at: contact.updatedAt,
          data: { contactId: contact.id },
          text: both((l) =>
            l === 'en'
              ? `${contact.name} (${role(l).toLowerCase()}) is resistant: hear out their concerns before offering anything${via.length ? `; ${list(via, l)}, who ${via.length > 1 ? 'are' : 'is'} positive, may help open the door` : ''}`
              : `${contact.name}（${role(l)}）态度抵触：先听听对方的顾虑，别急着推产品${via.length ? `，可请态度积极的${list(via, l)}帮忙沟通` : ''}`,
          ),
          because: both((l) => {
            const title = contact.title ? (l === 'en' ? `, ${contact.title}` : `，${contact.title}`) : '';
            return l === 'en'
              ? `Contact record: ${contact.name}, ${role(l).toLowerCase()}${title}, attitude resistant`
              : `联系人档案：${contact.name}，${role(l)}${title}，态度抵触`;
          }),
        });
      });
  },
};
