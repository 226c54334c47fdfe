// The words between and around place mentions that say how places relate: a place held by a larger
// one ("Jamrud, Khyber"), a part of a town ("Lekki area of Lagos"), a country's capital.

/** Words naming a part of a town: "Palanpur area of Surat", "Khair neighbourhood of Wau". */
const PART_NOUN = String.raw`(?:area|locality|neighbou?rhood|colony|quarter|ward|suburb)`;
export const ENDS_WITH_PART_NOUN = new RegExp(String.raw`\s${PART_NOUN}$`);
export const PART_NOUN_OF = new RegExp(String.raw`^\s+${PART_NOUN}\s+(?:of|in)\s+(?:the\s+)?$`);
export const OF = /^\s+(?:of|in)\s+(?:the\s+)?$/;

/** Text between a smaller place and the larger one holding it: "Jamrud, Khyber", "Auno (Konduga", "Bulani village of Zhari". */
export const HELD_BY = new RegExp(String.raw`^(?:\s*,\s*|\s*\(\s*|\s+(?:${PART_NOUN}\s+)?(?:in|of|under)\s+(?:the\s+)?)$`);

/** A list goes on after a name: "Assiut, Alexandria, and Suez". */
export const LIST_GOES_ON = /^\s*,?\s+(?:and|or)\s/;

/** "'s" and a capitalised name after a place name: a part of the place. */
export const POSSESSED_PART = /^['’]s\s+(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*)/u;

/** "the capital", "the Somali capital", "the country's capital", "capital's". */
export const CAPITAL = /\bthe\s+(?:(?:\p{Lu}[\p{L}-]+|country['’]s)\s+)?capital\b(?!\s+(?:city\s+)?(?:of\s+)?\p{Lu})|\bcapital['’]s\b/u;

/** "the capital's" right before a name. */
export const CAPITAL_POSSESSIVE = /\bcapital['’]s\s+$/;

/** A capitalised word right before a name, in the same run of words. */
export const CLOSES_LONGER_NAME = /\p{Lu}[\p{L}\p{M}'’-]*\s+$/u;
