import { z } from 'zod';
import { InboxNote, Interaction, Need, PageChoice, Task } from './activity';
import { Timestamp } from './common';
import { Contact, Customer } from './customer';
import { SiteRule } from './rules';

export const BACKUP_FORMAT = 'account-lens-backup';
export const BACKUP_VERSION = 1;

/**
 * The whole database as one JSON document (README "Backup format"). Derived index fields are not part
 * of it; they are rebuilt on import. A newer version than this build understands is refused, never guessed.
 */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Timestamp,
  customers: z.array(Customer),
  contacts: z.array(Contact).default([]),
  interactions: z.array(Interaction).default([]),
  needs: z.array(Need).default([]),
  tasks: z.array(Task).default([]),
  pageChoices: z.array(PageChoice).default([]),
  /** Taught page rules (since v3 of the database; absent from older backups). */
  siteRules: z.array(SiteRule).default([]),
  /** Notes not yet filed to a customer (since v4 of the database). */
  inbox: z.array(InboxNote).default([]),
});
export type Backup = z.infer<typeof Backup>;
export type BackupInput = z.input<typeof Backup>;
