// Attribution rules: who says so, through whom, and with what stance.
import { describe, expect, it } from 'vitest';
import { find } from '../../index.js';

const attributions = (text: string) =>
  find(text, { published: '2014-11-26' }).attributions.map((a) => ({ rule: a.evidence.rule, speaker: a.speaker, outlet: a.outlet, stance: a.stance }));

describe('attribution rules', () => {
  it.each([
    ['AccordingToRule', 'According to the Syrian Observatory for Human Rights (SOHR), warplanes struck.', { speaker: 'the Syrian Observatory for Human Rights (SOHR)', outlet: null }],
    ['AccordingToRule', 'Five people were killed, according to Reuters.', { speaker: null, outlet: 'Reuters' }],
    ['QuotedByRule', 'SOHR director Rami Abdulrahman was quoted by Reuters as saying: "The strikes were in the east."', { speaker: 'SOHR director Rami Abdulrahman', outlet: 'Reuters' }],
    ['SpeakerVerbRule', 'An Islamic State fighter also confirmed that the government carried out the strikes.', { speaker: 'An Islamic State fighter', outlet: null }],
    ['SpeakerVerbRule', 'Meanwhile, a US official has confirmed to Reuters that the coalition did not strike.', { speaker: 'a US official', outlet: 'Reuters' }],
    ['SpeakerVerbRule', 'The ministry denied the report.', { speaker: 'The ministry', stance: 'denies' }],
    ['SpeakerVerbRule', 'Local residents say that two boys were shot.', { speaker: 'Local residents' }],
    ['SpeakerVerbRule', 'Other sources report that four were killed.', { speaker: 'Other sources' }],
    ['TrailingSaidRule', 'A car bomb wounded 30 people, police said.', { speaker: 'police' }],
    ['TrailingSaidRule', 'Four soldiers were killed, said the army spokesman.', { speaker: 'the army spokesman' }],
    ['TrailingSaidRule', 'Two gunmen died in the exchange of fire, a police spokesman told local media.', { speaker: 'a police spokesman', outlet: null }],
    ['TrailingSaidRule', 'The convoy was hit twice, the governor told the BBC on Monday.', { speaker: 'the governor', outlet: 'BBC' }],
    ['TrailingSaidRule', 'Six guards were wounded, the company said in a statement.', { speaker: 'the company', outlet: null }],
    ['TrailingSaidRule', 'An air strike killed nine people, the Syrian Civil Defence (White Helmets) said on Monday.', { speaker: 'the Syrian Civil Defence (White Helmets)', outlet: null }],
  ])('%s: %s', (rule, text, expected) => {
    expect(attributions(text)).toContainEqual(expect.objectContaining({ rule, ...expected }));
  });

  it.each([
    ['the coalition did not carry out any air strikes', 'the coalition', 'denies'],
    ['The army denied any involvement in the killing.', 'The army', 'denies'],
    ['The Taliban claimed responsibility for the attack.', 'The Taliban', 'asserts'],
  ])('InvolvementRule: %s', (text, actor, stance) => {
    const found = find(`A US official said that ${text}`, { published: null }).involvements;
    expect(found).toContainEqual(expect.objectContaining({ actor, stance }));
  });
});
