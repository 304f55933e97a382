import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Saved pages of a site (tests/fixtures/sites/<adapterId>/<name>.html) as Documents. They are read,
 * never run: no scripts, no frame loads (a reading pane's src points at no server). Needs the
 * happy-dom test environment.
 */
export function savedPages(adapterId: string): (name: string) => Document {
  const settings = (window as unknown as { happyDOM: { settings: Record<string, any> } }).happyDOM.settings;
  settings.disableJavaScriptEvaluation = true;
  settings.disableJavaScriptFileLoading = true;
  settings.disableIframePageLoading = true;
  settings.navigation.disableChildFrameNavigation = true;
  const cache = new Map<string, string>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, readFileSync(resolve(__dirname, '../../fixtures/sites', adapterId, name), 'utf8'));
    return new DOMParser().parseFromString(cache.get(name)!, 'text/html');
  };
}
