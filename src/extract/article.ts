// The parts of a news article: headline, bylines and labels, the dateline, the lead and the body.
// Clean text keeps one paragraph a line, so the parts are told apart by the shape of lines:
// a headline has no closing full stop, a byline is a name, a dateline opens the lead with the
// reporting city ("QUETTA, Pakistan (AP) —"). Page furniture the cleaner could not see in plain
// text (other stories' headlines, "Read also:", copyright lines) is marked so no rule reads it.
import type { Evidence } from '../types.js';
import { lexiconRows } from './lexicon.js';
import type { Sentence } from './sentences.js';

export interface ArticleLayout {
  /** Paragraphs of the headline (and a deck under it); empty when the text opens with its lead. */
  headline: number[];
  /** Paragraphs no rule reads: bylines, labels, other stories' headlines, advertising markers. */
  furniture: Set<number>;
  /** The lead paragraph: the first paragraph of prose. */
  lead: number | null;
  /** "QUETTA, Pakistan (AP) —": the place and date of the report, not of the event. */
  dateline: Evidence | null;
}

const furnitureLines = lexiconRows('article-furniture.txt').map(([pattern]) => new RegExp(pattern!, 'i'));

/** A line that ends as prose does: a full stop, a question or an exclamation, maybe inside quotes, or a colon before a list. */
const ENDS_AS_PROSE = /[.!?…:]["'”’)\]]*$/;
/** "By Giulia Paravicini", "By: Zagazola Makama", "By The Irrawaddy 3 June 2022", '"Ivan" for Borderland Beat'. */
const BYLINE = /^(?:by\b:?\s*\S|["“][^"”]{1,40}["”]\s+for\s+[A-Z])/i;
/** A name alone on its line ("Kingsley Nwezeh"): two to four capitalised words. */
const NAME_LINE = /^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*$/;
/** A line that only dates the page: "2022.09.27", "3 June 2022". */
const DATE_LINE = /^[\d./ -]{6,12}$|^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/;
/** Labels: "HIGHLIGHTS", "Insecurity", "Analysis:", "Latest Headlines". */
const LABEL = /^(?:[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,2}:?|[A-Z\s&'’-]{4,40})$/;
/** A label that introduces a list of other stories. */
const STORY_LIST = /^(?:latest|top|related|trending|more|popular|recent|breaking)\s+(?:headlines|news|stories|posts|articles)\b/i;

/**
 * The dateline: a city in capitals or followed by its country or agency, maybe a date, then a
 * dash or colon: "BACOLOD CITY –", "Kabul [Afghanistan], July 20 (ANI):", "Bogota, Apr 30 (EFE).-",
 * "Addis Ababa –", "Srinagar:". "Al-Hasakah province:" names the event's region and is no dateline.
 */
/** Words before a colon or dash that label the text rather than name a city. */
const NOT_A_PLACE = /^(?:an?|the|update|updated|note|breaking|editor|exclusive|analysis|opinion|warning|watch|video|photos?|read|live|latest|report|news|sources?|police|officials?|witnesses)\b/i;
const DATELINE = new RegExp(
  String.raw`^(?<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})` +
    String.raw`(?:\s*\[[^\]]{1,40}\])?` +
    String.raw`(?:,\s*(?<region>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}))?` +
    String.raw`(?:,\s*(?<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?` +
    String.raw`\s*(?<agency>\([A-Za-z][\w.&' -]{0,20}\))?` +
    String.raw`(?<mark>\s*\.?-\s|\s+[-–—]+\s+|\s*[–—]+\s*|\s*:\s+)`,
);

export function readArticle(sentences: Sentence[]): ArticleLayout {
  const paragraphs = paragraphsOf(sentences);
  const layout: ArticleLayout = { headline: [], furniture: new Set(), lead: null, dateline: null };
  const candidates: number[] = [];
  let listOfStories = false;
  for (const [index, text] of paragraphs) {
    if (isFurniture(text)) {
      layout.furniture.add(index);
      if (STORY_LIST.test(text)) listOfStories = true;
      continue;
    }
    if (isProse(text)) {
      layout.lead = index;
      break;
    }
    candidates.push(index);
  }
  // Under "Latest Headlines", the headlines listed are other stories'; this story's comes last.
  const headline = listOfStories ? candidates.slice(-1) : candidates;
  for (const index of candidates) if (!headline.includes(index)) layout.furniture.add(index);
  layout.headline = headline;
  if (layout.lead === null) return layout;

  const headlineText = headline.map((i) => paragraphs.get(i)).join('\n');
  for (const [index, text] of paragraphs) {
    if (index <= layout.lead) continue;
    // The headline printed again at the foot of the page, or a line of furniture in the body.
    if ((headlineText && text === paragraphs.get(headline[0]!)) || furnitureLines.some((p) => p.test(text))) layout.furniture.add(index);
  }
  // Other stories' headlines after the last paragraph of prose.
  const lastProse = Math.max(...[...paragraphs].filter(([i, t]) => !layout.furniture.has(i) && isProse(t)).map(([i]) => i));
  for (const [index, text] of paragraphs) if (index > lastProse && !layout.furniture.has(index) && isHeadlineShaped(text)) layout.furniture.add(index);

  const lead = sentences.find((s) => s.paragraph === layout.lead)!;
  layout.dateline = datelineOf(lead);
  return layout;
}

function paragraphsOf(sentences: Sentence[]): Map<number, string> {
  const paragraphs = new Map<number, string>();
  for (const s of sentences) paragraphs.set(s.paragraph, paragraphs.has(s.paragraph) ? `${paragraphs.get(s.paragraph)} ${s.text}` : s.text);
  return paragraphs;
}

function isFurniture(text: string): boolean {
  return BYLINE.test(text) || NAME_LINE.test(text) || DATE_LINE.test(text) || (LABEL.test(text) && !isHeadlineShaped(text)) || furnitureLines.some((p) => p.test(text));
}

/** Prose: a line that ends as a sentence does and has the length of one, or a paragraph of several sentences. */
function isProse(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (ENDS_AS_PROSE.test(text) && words >= 8) || words >= 40;
}

/** A headline: several words, no closing full stop, not a list item. */
function isHeadlineShaped(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words >= 4 && words <= 30 && !/\.["'”’]?$/.test(text) && !/^[-•*–·]/.test(text);
}

function datelineOf(lead: Sentence): Evidence | null {
  const match = DATELINE.exec(lead.text);
  if (!match?.groups) return null;
  const { place, region, date, agency } = match.groups;
  // "Al-Hasakah province:" labels the event's region; "Update:" and "Analysis:" label the text.
  const label = match[0].replace(/[\s:.–—-]+$/, '');
  if (/\b(?:province|governorate|region|state|district|countryside|county|zone)$/i.test(label) || NOT_A_PLACE.test(place!)) return null;
  // A mixed-case word before a colon may be a speaker ("Police: ..."): only a dash, or a city with its country, date or agency, is surely a dateline.
  if (/:\s+$/.test(match.groups.mark!) && !region && !date && !agency && !/^[A-Z]{2}[A-Z\s.'’-]*$/.test(place!) && place!.split(/\s+/).length > 2) return null;
  return { start: lead.start, end: lead.start + match[0].length, text: match[0], rule: 'DatelineRule' };
}
