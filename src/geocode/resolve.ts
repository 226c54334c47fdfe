// Resolves the place mentions of a report against the gazetteer: scores every candidate (score.ts),
// chooses the mention that locates the incident and its ACLED geo precision (choose.ts), falls back
// on the clues when no place can be coded (fallback.ts), and explains the choice (explain.ts).
import type { Evidence, Place, Span } from '../types.js';
import { chooseMention, chooseWinners, precisionOf, sitesOf } from './choose.js';
import { describeEntry, disambiguationEvidence, evidenceAt, placeAt, precisionNote } from './explain.js';
import { placeFromClues } from './fallback.js';
import type { CountryClue } from './clues.js';
import type { FoundMention } from './mentions.js';
import { CAPITAL_POSSESSIVE } from './phrases.js';
import { buildContext, heldPairs, inside, scoreAll, withPartnerRegions, type ScoredCandidate } from './score.js';

export interface Resolution {
  place: Place | null;
  evidence: Evidence[];
  reason: string;
  scored: Map<FoundMention, ScoredCandidate[]>;
}

export function resolve(text: string, mentions: FoundMention[], clues: CountryClue[], focus: Span[] | undefined, elsewhere: Span[] = []): Resolution {
  const scored = scoreAll(text, mentions, clues);
  const winners = chooseWinners(scored);
  const inFocus = (m: Span) => !focus?.length || inside(m, focus);
  // "The capital's Hazaribagh area" in a report about Bangladesh is part of its capital, not the namesake in a country the clues contradict.
  const partOfCapital = (m: FoundMention) => CAPITAL_POSSESSIVE.test(text.slice(Math.max(0, m.start - 12), m.start)) && winners.get(m)?.cluesElsewhere === true;
  const places = mentions.filter((m) => m.kind !== 'site' && !partOfCapital(m));
  const sites = mentions.filter((m) => m.kind === 'site');
  let choice = chooseMention(text, places.filter(inFocus), sites, scored, winners);
  let fromOutsideFocus = false;
  if (!choice && focus?.length) {
    choice = chooseMention(text, places.filter((m) => !inside(m, elsewhere)), sites, scored, winners);
    fromOutsideFocus = choice !== null;
  }

  if (!choice) return { ...placeFromClues(text, mentions, clues, inFocus, scored), scored };

  const chosen = choice.mention;
  const winner = winners.get(chosen) as ScoredCandidate;
  const list = [winner, ...(scored.get(chosen) ?? []).filter((c) => c !== winner)];
  const { entry } = winner;
  const precision = precisionOf(choice, entry);
  const placeSites = sitesOf(winner, text, mentions, winners, inFocus);
  const place = placeAt(entry, precision, placeSites.map((s) => s.text));
  const context = withPartnerRegions(buildContext(clues, winners, chosen), heldPairs(text, mentions).get(chosen));
  const clue = disambiguationEvidence(text, chosen, list, context);
  const evidence: Evidence[] = [
    evidenceAt(text, chosen, chosen.rule, `"${chosen.name}" is ${describeEntry(entry)}, matched by ${winner.match}`),
    clue,
    evidenceAt(text, choice.heldPlace ?? chosen, 'GeoPrecisionRule', precisionNote(choice, entry, precision)),
    ...placeSites.map((s) => evidenceAt(text, s, 'SiteMention', `a site in ${entry.name}`)),
  ];
  const reason = [
    `"${chosen.text}" (${chosen.rule}) is ${describeEntry(entry)}`,
    `${clue.rule}: ${clue.note}`,
    `precision ${precision}`,
    choice.heldNamesake ? `HeldByOuterPlace: "${choice.heldPlace?.text}" is held by it; the gazetteer's place of that name lies outside it` : '',
    fromOutsideFocus ? 'no place is named in the focus sentences: taken from elsewhere in the report' : '',
  ].filter(Boolean);
  return { place, evidence, reason: reason.join('; '), scored };
}
