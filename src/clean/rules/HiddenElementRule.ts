import type { Element } from '../dom.js';
import type { ElementRule } from './types.js';

/** Drops what a reader never sees: `hidden`, `aria-hidden="true"`, inline `display: none` (cookie dialogs, templates). */
export class HiddenElementRule implements ElementRule {
  readonly name = 'HiddenElementRule';
  readonly action = 'drop';

  matches(element: Element): boolean {
    const { hidden, style } = element.attribs;
    return (
      hidden !== undefined ||
      element.attribs['aria-hidden'] === 'true' ||
      (style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style))
    );
  }
}
