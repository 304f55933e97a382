import type { PageIdentifier } from '../model/match';

export interface ExtractContext {
  /** Regex source of the company's customer code, from settings ('' = none). */
  customerCodePattern: string;
}

export interface Extracted {
  identifiers: PageIdentifier[];
  /** Shop / company / person names the page shows for its customer (used for search and create). */
  names: string[];
}

/**
 * A site adapter knows where one site shows its customer. One adapter per file, registered in
 * registry.ts. Adapters run in the content script: keep them small, read with textContent/attributes
 * (never the layout-forcing rendered-text getter), and never write to the page.
 */
export interface SiteAdapter {
  id: string;
  /**
   * Match patterns of the hosts this adapter is built for (e.g. `https://mail.qq.com/*`). When the manager
   * enables one of them from the popup, all are requested together (a webmail's frames may sit on a
   * sibling host). Absent for adapters that are not tied to hosts (demo, generic, self-hosted webmail).
   */
  origins?: readonly string[];
  /** Whether this adapter reads this frame's document. The generic adapter claims everything else. */
  matches(url: URL): boolean;
  /** The narrowest element whose changes can change the result (watched by one MutationObserver). */
  watchRoot?(doc: Document): Node | null;
  extract(doc: Document, ctx: ExtractContext): Extracted;
}
