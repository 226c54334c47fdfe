import { AttributionRule } from './attribution-rule.js';

/** "SOHR director Rami Abdulrahman was quoted by Reuters as saying: ..." */
export class QuotedByRule extends AttributionRule {
  readonly name = 'QuotedByRule';
  protected pattern(): string {
    return String.raw`^(?<who>.{2,90}?)\s+(?:was|were|is)\s+quoted\s+by\s+(?<outlet>[^,.;:]{2,60}?)\s+as\s+saying`;
  }
}
