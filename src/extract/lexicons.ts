// The word lists a configuration of rules reads that a user can extend (`--actors FILE`): passed to
// the rules that need them when the configuration is made, never set on a module.
import { ActorLexicon } from './rules/actor-rule.js';
import type { ArmedGroupTest } from './vocabulary.js';

export interface ExtractLexicons {
  actors: ActorLexicon;
  /** Whether an armed group's name is in some words: "MNDAA soldiers" are fighters, not soldiers. */
  armedGroupNamed: ArmedGroupTest;
}

/** The bundled lexicons, with the actor names of `actorFiles` added. */
export function loadLexicons(actorFiles: string[] = []): ExtractLexicons {
  const actors = ActorLexicon.fromFiles(actorFiles);
  return { actors, armedGroupNamed: (words) => actors.namesArmedGroup(words) };
}
