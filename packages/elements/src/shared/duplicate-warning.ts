import { VERSION } from './version.js';

/** Shared by every copy of the library on the page, so a page that loads it twice hears about it once. */
const WARNED_KEY = Symbol.for('occupational-maps.warned-duplicate');

/** One console warning per page that another copy of the library (`existingVersion`) defined `tag` first. */
export function warnOfDuplicate(tag: string, existingVersion = 'unknown'): void {
  const globals = globalThis as { [WARNED_KEY]?: boolean };
  if (globals[WARNED_KEY]) return;
  globals[WARNED_KEY] = true;
  const clash = existingVersion === VERSION ? '' : ` (version clash: ${existingVersion} is registered, ${VERSION} was not)`;
  console.warn(`occupational-maps is loaded more than once on this page${clash}; <${tag}> and the other elements keep their first definition. Load the library once per page.`);
}
