import { AttributionRule } from './attribution-rule.js';

/** "According to the Syrian Observatory for Human Rights (SOHR), ..." */
export class AccordingToRule extends AttributionRule {
  readonly name = 'AccordingToRule';
  protected pattern(): string {
    return String.raw`\baccording to (?<who>[^,.;:"“”]+?(?:\([^)]*\))?)(?=\s*[,.;:"“”]|\s+(?:the|a|at least|\d)\b|$)`;
  }
}
