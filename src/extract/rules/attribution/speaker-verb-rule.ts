import { AttributionRule, SPEECH_VERB } from './attribution-rule.js';

/** A speaker at the start of a sentence: "An Islamic State fighter also confirmed that ...", "a US official has confirmed to Reuters that ...", "X told International Business Times: ...". */
export class SpeakerVerbRule extends AttributionRule {
  readonly name = 'SpeakerVerbRule';
  protected override readonly flags = 'gd';
  protected pattern(): string {
    const name = String.raw`(?:[A-Za-z(\[][\w'’.()\[\]-]*\s+){0,11}?[A-Za-z(][\w'’.()-]*`;
    const outlet = String.raw`(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}`;
    return String.raw`^["“]?(?:(?:Meanwhile|However|Separately|Later|Earlier|Also|But|And|Yet),?\s+)?(?<who>${name})\s+(?:(?:also|later|earlier|separately|has|have|had|further)\s+)*(?<verb>${SPEECH_VERB})\b(?:\s+(?:to\s+)?(?<outlet>${outlet}))?`;
  }

  protected override build(...args: Parameters<AttributionRule['build']>) {
    // A speaker phrase holding a casualty or attack word is a clause, not a name ("Gunmen killed 3, police said" is the trailing rule's).
    if (/\b(?:killed|killing|wounded|injured|attacked|carried out|were|was|are|is)\b/i.test(args[0].groups?.who ?? '')) return null;
    return super.build(...args);
  }
}
